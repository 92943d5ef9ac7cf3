package certus.estimators.io;

import certus.data.DataFormatException;
import certus.estimators.SmtlParams;
import certus.smtl.InvalidProblemException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParamsFileTest {
    @Test
    void readsAllKeys() {
        ParamOverrides p = ParamsFile.parse("{\"s\": 4, \"ridge\": 0.5, \"bbar\": 1, \"zbar\": 0.25, \"common_support\": true}", "p.json");
        assertEquals(new SmtlParams(4, 0.5, 1, 0.25, true), p.resolve());
    }

    @Test
    void unknownKeyIsAnErrorNamingFileAndKey() {
        DataFormatException e = assertThrows(DataFormatException.class, () -> ParamsFile.parse("{\"s\": 4, \"zbr\": 1}", "p.json"));
        assertTrue(e.getMessage().contains("p.json") && e.getMessage().contains("'zbr'"), e.getMessage());
    }

    @Test
    void wrongTypesAreErrorsNamingTheKey() {
        DataFormatException e = assertThrows(DataFormatException.class, () -> ParamsFile.parse("{\"s\": 2.5}", "p.json"));
        assertTrue(e.getMessage().contains("'s' must be an integer"), e.getMessage());
        e = assertThrows(DataFormatException.class, () -> ParamsFile.parse("{\"ridge\": \"0.1\"}", "p.json"));
        assertTrue(e.getMessage().contains("'ridge' must be a number, got \"0.1\""), e.getMessage());
        e = assertThrows(DataFormatException.class, () -> ParamsFile.parse("{\"common_support\": 1}", "p.json"));
        assertTrue(e.getMessage().contains("'common_support'"), e.getMessage());
        assertThrows(DataFormatException.class, () -> ParamsFile.parse("[1, 2]", "p.json"));
    }

    @Test
    void flagsOverrideFileValuesWhichOverrideDefaults() {
        ParamOverrides file = ParamsFile.parse("{\"s\": 4, \"ridge\": 0.5, \"zbar\": 0.25}", "p.json");
        ParamOverrides flags = new ParamOverrides(null, 0.1, null, null, true);
        SmtlParams p = file.overriddenBy(flags).resolve();
        assertEquals(new SmtlParams(4, 0.1, 0.0, 0.25, true), p);
    }

    @Test
    void missingSAndBadRangesAreProblemErrors() {
        assertThrows(InvalidProblemException.class, () -> ParamOverrides.EMPTY.resolve());
        assertThrows(InvalidProblemException.class, () -> ParamsFile.parse("{\"s\": 2, \"ridge\": -1}", "p.json").resolve());
        assertThrows(InvalidProblemException.class, () -> ParamsFile.parse("{\"s\": 0}", "p.json").resolve());
    }
}
