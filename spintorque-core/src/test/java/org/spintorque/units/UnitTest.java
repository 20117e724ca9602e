package org.spintorque.units;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class UnitTest {

    static Stream<Arguments> equivalentPairs() {
        return Stream.of(
                Arguments.of("1 eV", "J", 1.602176634e-19),
                Arguments.of("1 meV", "eV", 1e-3),
                Arguments.of("1 Ry", "eV", 13.605693122994),
                Arguments.of("1 Ha", "eV", 27.211386245988),
                Arguments.of("1 fs", "s", 1e-15),
                Arguments.of("1 ps", "fs", 1e3),
                Arguments.of("1 Å", "nm", 0.1),
                Arguments.of("1 bohr", "Å", 0.529177210903),
                Arguments.of("1 A/cm^2", "A/m^2", 1e4),
                Arguments.of("1 uOhm cm", "Ohm m", 1e-8),
                Arguments.of("1 nm^-3", "cm^-3", 1e21),
                Arguments.of("1 1/nm^3", "m^-3", 1e27),
                Arguments.of("1 eV nm^3", "J m^3", 1.602176634e-46),
                Arguments.of("1 m_e", "kg", 9.1093837015e-31),
                Arguments.of("1 hbar/eV", "fs", 0.6582119569509066),
                Arguments.of("1 kA/m", "A/m", 1e3),
                Arguments.of("1 T", "kg s^-2 A^-1", 1.0));
    }

    @ParameterizedTest
    @MethodSource("equivalentPairs")
    void convertsBetweenUnitsAsTheirDefinitionsSay(String quantity, String target, double expected) {
        Unit t = Unit.parse(target);
        double v = Quantity.parse(quantity, t).in(t);
        assertEquals(expected, v, 1e-12 * Math.abs(expected));
    }

    /** Round trips over random values and unit pairs: x -> other unit -> back is the identity. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void roundTripIsIdentity(long seed) {
        String[][] families = {
            {"eV", "meV", "J", "Ry", "Ha"}, {"fs", "ps", "s", "as", "hbar/eV"}, {"nm", "Å", "m", "bohr", "cm"},
            {"A/m^2", "A/cm^2", "MA/cm^2"}, {"uOhm cm", "Ohm m", "mOhm cm"}, {"eV nm^3", "J m^3", "meV Å^3"},
        };
        Random r = new Random(seed);
        for (int k = 0; k < 200; k++) {
            String[] f = families[r.nextInt(families.length)];
            Unit a = Unit.parse(f[r.nextInt(f.length)]);
            Unit b = Unit.parse(f[r.nextInt(f.length)]);
            double x = Math.exp(40 * (r.nextDouble() - 0.5)) * (r.nextBoolean() ? 1 : -1);
            double back = b.convert(a.convert(x, b), a);
            assertEquals(x, back, 1e-14 * Math.abs(x), a + " <-> " + b);
        }
    }

    @Test
    void hbarInEvFsMatchesTheSiConstants() {
        assertEquals(PhysicalConstants.HBAR / PhysicalConstants.ELEMENTARY_CHARGE / 1e-15,
                PhysicalConstants.HBAR_EV_FS, 1e-15);
        // the free-electron scale hbar^2/(2 m_e) = 0.0380998 eV nm^2 (Rydberg times Bohr radius squared)
        double ryBohr2 = PhysicalConstants.HARTREE / 2 / PhysicalConstants.ELEMENTARY_CHARGE
                * Math.pow(PhysicalConstants.BOHR_RADIUS * 1e9, 2);
        assertEquals(ryBohr2, PhysicalConstants.HBAR2_OVER_2ME_EV_NM2, 1e-9 * ryBohr2);
    }

    @Test
    void rejectsWrongDimensionsAndUnknownSymbols() {
        Unit ev = Unit.parse("eV");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Quantity.parse("3 fs", ev));
        assertTrue(e.getMessage().contains("does not fit"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Unit.parse("furlong"));
        assertTrue(e.getMessage().contains("furlong"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Quantity.parse("abc", ev));
        assertThrows(IllegalArgumentException.class, () -> Unit.parse("A/m/s"));
    }

    @Test
    void bareNumberTakesTheDefaultUnit() {
        Quantity q = Quantity.parse(" 2.5e-1 ", Unit.parse("fs"));
        assertEquals(0.25, q.in(Unit.parse("fs")), 0);
        assertEquals(250, Quantity.parse("0.25fs", Unit.parse("fs")).in(Unit.parse("as")), 1e-12);
    }
}
