package org.spintorque.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigReaderTest {
    static final ParameterSchema SCHEMA = ParameterSchema.builder()
            .number("band.fermi_energy", "eV", null, "Fermi energy")
            .number("band.mass", "m_e", 1.0, "mass")
            .number("model.exchange", "eV", null, "exchange")
            .number("lifetimes.tau_up", "fs", null, "lifetime")
            .text("model.kind", "sd", "model kind", "sd", "itinerant")
            .build();

    @TempDir
    Path dir;

    Path file(String text) throws IOException {
        Path p = dir.resolve("c.toml");
        Files.writeString(p, text);
        return p;
    }

    @Test
    void commandLineOverFileOverDefault() throws IOException {
        Path f = file("[band]\nfermi_energy = \"3000 meV\"\n[model]\nexchange = 0.5\n");
        ResolvedInput in = new ConfigReader(SCHEMA).read(f, List.of("model.exchange=0.7eV"));
        assertEquals(3.0, in.number("band.fermi_energy", ""), 1e-12);
        assertEquals(0.7, in.number("model.exchange", ""), 1e-12);
        assertEquals(1.0, in.number("band.mass", ""), 0);
        assertEquals(ResolvedInput.Source.FILE, in.values().get("band.fermi_energy").source());
        assertEquals(ResolvedInput.Source.COMMAND_LINE, in.values().get("model.exchange").source());
        assertEquals(ResolvedInput.Source.DEFAULT, in.values().get("band.mass").source());
    }

    @Test
    void unitsInStringsAreConvertedToTheDocumentedUnit() throws IOException {
        Path f = file("[lifetimes]\ntau_up = \"0.02 ps\"\n[band]\nfermi_energy = \"1 Ry\"\n");
        ResolvedInput in = new ConfigReader(SCHEMA).read(f, List.of());
        assertEquals(20.0, in.number("lifetimes.tau_up", ""), 1e-12);
        assertEquals(13.605693122994, in.number("band.fermi_energy", ""), 1e-9);
    }

    @Test
    void unknownKeyNamesTheClosestValidOne() throws IOException {
        Path f = file("[band]\nfermi_energi = 3\n");
        InputException e = assertThrows(InputException.class, () -> new ConfigReader(SCHEMA).read(f, List.of()));
        assertTrue(e.getMessage().contains("fermi_energi") && e.getMessage().contains("did you mean band.fermi_energy"),
                e.getMessage());
        InputException t = assertThrows(InputException.class,
                () -> new ConfigReader(SCHEMA).read(null, List.of("modle.exchange=1")));
        assertTrue(t.getMessage().contains("did you mean model.exchange"), t.getMessage());
    }

    @Test
    void unknownTableListsTheValidTables() throws IOException {
        Path f = file("[magnetization]\nxyz = 3\n");
        InputException e = assertThrows(InputException.class, () -> new ConfigReader(SCHEMA).read(f, List.of()));
        assertTrue(e.getMessage().contains("valid tables"), e.getMessage());
    }

    @Test
    void wrongUnitAndBadSyntaxAndChoices() throws IOException {
        Path f = file("[band]\nfermi_energy = \"3 fs\"\n");
        InputException e = assertThrows(InputException.class, () -> new ConfigReader(SCHEMA).read(f, List.of()));
        assertTrue(e.getMessage().contains("band.fermi_energy") && e.getMessage().contains("eV"), e.getMessage());
        Path g = file("[band\nfermi_energy = 3\n");
        e = assertThrows(InputException.class, () -> new ConfigReader(SCHEMA).read(g, List.of()));
        assertTrue(e.getMessage().contains("not valid TOML"), e.getMessage());
        e = assertThrows(InputException.class, () -> new ConfigReader(SCHEMA).read(null, List.of("model.kind=x")));
        assertTrue(e.getMessage().contains("[sd, itinerant]"), e.getMessage());
        e = assertThrows(InputException.class,
                () -> new ConfigReader(SCHEMA).read(dir.resolve("missing.toml"), List.of()));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void resolvedInputWrittenAsTomlReadsBackToTheSameValues() throws IOException {
        ResolvedInput in = new ConfigReader(SCHEMA).read(null,
                List.of("band.fermi_energy=2.75", "model.exchange=450 meV", "lifetimes.tau_up=1.5e1"));
        Path f = file(in.asToml());
        ResolvedInput back = new ConfigReader(SCHEMA).read(f, List.of());
        for (String p : List.of("band.fermi_energy", "model.exchange", "lifetimes.tau_up", "band.mass")) {
            assertEquals(in.number(p, ""), back.number(p, ""), 1e-15, p);
        }
    }

    @Test
    void sweepSpecification() {
        SweepSpec s = SweepSpec.parse("model.exchange=100meV:1.0eV:19", SCHEMA);
        assertEquals(0.1, s.value(0), 1e-15);
        assertEquals(1.0, s.value(18), 0);
        assertEquals(0.15, s.value(1), 1e-12);
        SweepSpec l = SweepSpec.parse("lifetimes.tau_up=1fs:1ps:4:log", SCHEMA);
        assertEquals(10, l.value(1), 1e-9);
        assertEquals(100, l.value(2), 1e-9);
        assertThrows(InputException.class, () -> SweepSpec.parse("model.exchang=1:2:3", SCHEMA));
        assertThrows(InputException.class, () -> SweepSpec.parse("model.exchange=1:2", SCHEMA));
        assertThrows(InputException.class, () -> SweepSpec.parse("model.exchange=-1:2:5:log", SCHEMA));
        assertThrows(InputException.class, () -> SweepSpec.parse("model.kind=1:2:3", SCHEMA));
    }
}
