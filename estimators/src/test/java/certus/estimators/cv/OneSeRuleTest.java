package certus.estimators.cv;

import certus.estimators.SmtlParams;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OneSeRuleTest {
    private static CvRow row(int s, double zbar, double mean, double se) {
        return new CvRow(new SmtlParams(s, 0.01, 0, zbar, false), mean, se, new double[]{mean, mean});
    }

    @Test
    void picksSparsestSWithinOneStandardErrorOfTheMinimum() {
        List<CvRow> rows = List.of(
                row(6, 0.0, 1.00, 0.10),   // argmin; band is [.., 1.10]
                row(4, 0.0, 1.08, 0.20),   // inside band
                row(4, 0.1, 1.09, 0.01),   // inside band, same s, larger zbar -> preferred
                row(2, 0.0, 1.30, 0.01),   // sparser but outside the band
                row(8, 0.5, 1.05, 0.01));
        assertEquals(0, OneSeRule.argmin(rows));
        assertEquals(2, OneSeRule.select(rows));
    }

    @Test
    void bandUsesTheStandardErrorAtTheArgminOnly() {
        // s=2 has a huge own SE but its mean 1.2 is above 1.0 + 0.1: it must not be chosen
        List<CvRow> rows = List.of(row(5, 0, 1.0, 0.1), row(2, 0, 1.2, 5.0));
        assertEquals(0, OneSeRule.select(rows));
    }

    @Test
    void tieBreaksBbarThenRidge() {
        CvRow a = new CvRow(new SmtlParams(3, 0.1, 0.0, 0.0, false), 1.0, 0.1, new double[]{1, 1});
        CvRow b = new CvRow(new SmtlParams(3, 0.1, 0.5, 0.0, false), 1.05, 0.1, new double[]{1, 1});
        CvRow c = new CvRow(new SmtlParams(3, 1.0, 0.5, 0.0, false), 1.06, 0.1, new double[]{1, 1});
        assertEquals(2, OneSeRule.select(List.of(a, b, c)));
    }

    @Test
    void nanRowsAreIgnored() {
        List<CvRow> rows = List.of(row(1, 0, Double.NaN, Double.NaN), row(3, 0, 2.0, 0.1));
        assertEquals(1, OneSeRule.select(rows));
    }

    @Test
    void cvRowMeanAndStandardErrorByHand() {
        // folds 1, 2, 3: mean 2, sample sd 1, se 1/sqrt(3)
        CvRow r = CvRow.of(new SmtlParams(1, 0, 0, 0, false), new double[]{1, 2, 3});
        assertEquals(2.0, r.meanRmse(), 1e-15);
        assertEquals(1 / Math.sqrt(3), r.seRmse(), 1e-15);
    }
}
