package org.spintorque.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad input: a clear message naming the parameter, a non-zero exit code, no stack trace, no files. */
class BadInputTest {
    @TempDir
    Path tmp;

    static final String GOOD = """
            [band]
            fermi_energy = 3.0
            [model]
            exchange = 0.5
            [lifetimes]
            tau_up = 10
            tau_dn = 4
            """;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // a setting appended to a good file | words the message must contain
        "band.fermi_energy=-1eV | band.fermi_energy;below the bottom of the majority band",
        "lifetimes.tau_up=0 | lifetimes.tau_up;must be > 0",
        "lifetimes.tau_dn=-2fs | lifetimes.tau_dn;must be > 0",
        "model.exchange=0.5 fs | model.exchange;does not fit",
        "model.exchang=0.5 | unknown parameter model.exchang;did you mean model.exchange",
        "band.fermi_energie=3 | unknown parameter band.fermi_energie;did you mean band.fermi_energy",
        "spin_flip.n_imp=0.1 | missing parameter spin_flip.v_s",
        "magnet.current_density=1e12 | missing parameter magnet.Ms",
        "model.exchange=abc | model.exchange;not a number",
    })
    void badSettingGivesMessageAndNoOutput(String setting, String words) throws IOException {
        Path cfg = tmp.resolve("c.toml");
        Files.writeString(cfg, GOOD);
        Path out = tmp.resolve("out");
        CliRunner.Run r = CliRunner.run("analytic", cfg.toString(), "--out", out.toString(), "--set", setting);
        check(r, words, out);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "[band]\\nfermi_energy = 3.0\\n[model]\\nexchange = 0.5\\n | missing parameter lifetimes.tau_up",
        "[band]\\nfermi_energy = 3.0\\n[lifetimes]\\ntau_up = 1\\ntau_dn = 1\\n | missing parameter model.exchange",
        "[band\\nfermi_energy = 3.0\\n | not valid TOML",
        "[bands]\\nfermi_energy = 3.0\\n | unknown parameter bands.fermi_energy;did you mean band.fermi_energy",
    })
    void badFileGivesMessageAndNoOutput(String text, String words) throws IOException {
        Path cfg = tmp.resolve("c.toml");
        Files.writeString(cfg, text.replace("\\n", "\n"));
        Path out = tmp.resolve("out");
        check(CliRunner.run("analytic", cfg.toString(), "--out", out.toString()), words, out);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "--sweep;model.exchange=1:2 | --sweep expects",
        "--sweep;band.fermi_energy=-2eV:3eV:11 | sweep point 1 of 11;below the bottom",
        "--sweep;model.exchange=0.1:1:5;--plot;beta_xx | --plot beta_xx",
        "--ksums;--set;ksums.points=1 | ksums.points",
    })
    void badOptionsGiveMessageAndNoOutput(String options, String words) throws IOException {
        Path cfg = tmp.resolve("c.toml");
        Files.writeString(cfg, GOOD);
        Path out = tmp.resolve("out");
        List<String> args = new ArrayList<>(List.of("analytic", cfg.toString(), "--out", out.toString()));
        args.addAll(List.of(options.split(";")));
        check(CliRunner.run(args.toArray(new String[0])), words, out);
    }

    /**
     * An output folder that cannot be written (here: its path runs through a regular file; a full disk takes the
     * same way): a clear message naming the file, exit code 4, no stack trace, no temporary file left behind.
     */
    @org.junit.jupiter.api.Test
    void unwritableOutputIsAClearError() throws IOException {
        Path config = tmp.resolve("good.toml");
        Files.writeString(config, GOOD);
        Path blocker = tmp.resolve("blocker");
        Files.writeString(blocker, "a file where the output folder should go");
        CliRunner.Run r = CliRunner.run("analytic", config.toString(), "--out", blocker.resolve("out").toString(),
                "--quiet");
        assertTrue(r.code() == 4, "exit code " + r.code() + ": " + r.err());
        assertTrue(r.err().contains("cannot write") && r.err().contains("blocker"), r.err());
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), "stack trace printed: " + r.err());
        try (var s = Files.list(tmp)) {
            assertTrue(s.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")), "temporary file left");
        }
    }

    private static void check(CliRunner.Run r, String words, Path out) throws IOException {
        assertTrue(r.code() != 0, "exit code " + r.code());
        for (String w : words.split(";")) {
            assertTrue(r.err().contains(w.trim()), "message lacks '" + w + "': " + r.err());
        }
        assertFalse(r.err().contains("\tat "), "stack trace printed: " + r.err());
        assertFalse(r.err().contains("Exception"), "exception name printed: " + r.err());
        assertTrue(!Files.exists(out) || isEmpty(out), "files written for bad input");
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }
}
