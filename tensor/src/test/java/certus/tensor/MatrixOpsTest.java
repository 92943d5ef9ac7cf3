package certus.tensor;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

import java.util.SplittableRandom;

import static certus.tensor.DenseTensorTest.randomMatrix;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Kronecker and Khatri–Rao products through their classical identities; singular vectors through their definition. */
class MatrixOpsTest {

    private static void assertClose(DenseMatrix expected, DenseMatrix actual, double tol) {
        assertEquals(expected.rows(), actual.rows());
        assertEquals(expected.cols(), actual.cols());
        for (int i = 0; i < expected.rows(); i++) {
            for (int j = 0; j < expected.cols(); j++) assertEquals(expected.get(i, j), actual.get(i, j), tol, "(" + i + "," + j + ")");
        }
    }

    @Property(tries = 60)
    void kroneckerMixedProduct(@ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int m = 1 + r.nextInt(3), n = 1 + r.nextInt(3), p = 1 + r.nextInt(3), q = 1 + r.nextInt(3), k = 1 + r.nextInt(3), l = 1 + r.nextInt(3);
        DenseMatrix a = randomMatrix(r, m, n), b = randomMatrix(r, p, q), c = randomMatrix(r, n, k), d = randomMatrix(r, q, l);
        // (A (x) B)(C (x) D) = (AC) (x) (BD)
        assertClose(MatrixOps.kronecker(MatrixOps.multiply(a, c), MatrixOps.multiply(b, d)),
                MatrixOps.multiply(MatrixOps.kronecker(a, b), MatrixOps.kronecker(c, d)), 1e-10);
    }

    @Property(tries = 60)
    void khatriRaoGramIsTheHadamardProductOfGrams(@ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int cols = 1 + r.nextInt(4);
        DenseMatrix a = randomMatrix(r, 1 + r.nextInt(4), cols), b = randomMatrix(r, 1 + r.nextInt(4), cols);
        DenseMatrix kr = MatrixOps.khatriRao(a, b);
        DenseMatrix lhs = MatrixOps.transposeMultiply(kr, kr);
        DenseMatrix ga = MatrixOps.transposeMultiply(a, a), gb = MatrixOps.transposeMultiply(b, b);
        double[][] h = new double[cols][cols];
        for (int i = 0; i < cols; i++) for (int j = 0; j < cols; j++) h[i][j] = ga.get(i, j) * gb.get(i, j);
        assertClose(DenseMatrix.fromRows(h), lhs, 1e-10);
        // and each column is the Kronecker product of the columns
        for (int j = 0; j < cols; j++) {
            DenseMatrix aj = DenseMatrix.fromColumns(a.rows(), new double[][]{a.column(j)});
            DenseMatrix bj = DenseMatrix.fromColumns(b.rows(), new double[][]{b.column(j)});
            assertClose(MatrixOps.kronecker(aj, bj), DenseMatrix.fromColumns(kr.rows(), new double[][]{kr.column(j)}), 0.0);
        }
    }

    @Property(tries = 60)
    void leadingSingularVectorsAreOrthonormalAndCaptureTheMostEnergy(@ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int rows = 2 + r.nextInt(5);
        DenseMatrix a = randomMatrix(r, rows, 1 + r.nextInt(8));
        int rank = 1 + r.nextInt(rows);
        DenseMatrix u = MatrixOps.leadingLeftSingularVectors(a, rank);
        DenseMatrix utu = MatrixOps.transposeMultiply(u, u);
        for (int i = 0; i < rank; i++) for (int j = 0; j < rank; j++) assertEquals(i == j ? 1.0 : 0.0, utu.get(i, j), 1e-10);
        // ||U^T A||_F^2 is the sum of the top squared singular values: no random orthonormal basis of the same size beats it
        double captured = frob2(MatrixOps.transposeMultiply(u, a));
        DenseMatrix q = MatrixOps.leadingLeftSingularVectors(randomMatrix(r, rows, rows), rank);
        assertEquals(true, captured >= frob2(MatrixOps.transposeMultiply(q, a)) - 1e-9);
    }

    private static double frob2(DenseMatrix m) {
        double s = 0;
        for (int i = 0; i < m.rows(); i++) for (int j = 0; j < m.cols(); j++) s += m.get(i, j) * m.get(i, j);
        return s;
    }
}
