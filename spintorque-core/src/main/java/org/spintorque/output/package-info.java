/** Output a user reads: JSON summaries, CSV tables with units in the headers, plots, atomic file writing. */
package org.spintorque.output;
