package org.spintorque.output;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The program's name and version, as built (from the Maven project version). */
public final class ProgramInfo {
    private static final String VERSION = load();

    private ProgramInfo() { }

    private static String load() {
        try (InputStream in = ProgramInfo.class.getResourceAsStream("/org/spintorque/version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    public static String version() {
        return VERSION;
    }

    public static String name() {
        return "spintorque";
    }
}
