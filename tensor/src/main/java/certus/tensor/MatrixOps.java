package certus.tensor;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * Dense matrix products and factorizations for the tensor code. GEMM and the SVD are EJML's (chosen over ojAlgo by
 * the JMH comparison in benchmarks/RESULTS.md); Kronecker and Khatri–Rao products are simple index maps, written here.
 */
public final class MatrixOps {
    private MatrixOps() {}

    /** A B. */
    public static DenseMatrix multiply(DenseMatrix a, DenseMatrix b) {
        if (a.cols() != b.rows()) {
            throw new IllegalArgumentException("cannot multiply " + a.rows() + "x" + a.cols() + " by " + b.rows() + "x" + b.cols());
        }
        DMatrixRMaj c = new DMatrixRMaj(a.rows(), b.cols());
        CommonOps_DDRM.mult(toEjml(a), toEjml(b), c);
        return fromEjml(c);
    }

    /** A^T B. */
    public static DenseMatrix transposeMultiply(DenseMatrix a, DenseMatrix b) {
        if (a.rows() != b.rows()) {
            throw new IllegalArgumentException("cannot multiply the transpose of " + a.rows() + "x" + a.cols() + " by " + b.rows() + "x" + b.cols());
        }
        DMatrixRMaj c = new DMatrixRMaj(a.cols(), b.cols());
        CommonOps_DDRM.multTransA(toEjml(a), toEjml(b), c);
        return fromEjml(c);
    }

    public static DenseMatrix transpose(DenseMatrix a) {
        double[] cm = new double[a.rows() * a.cols()];
        for (int i = 0; i < a.rows(); i++) for (int j = 0; j < a.cols(); j++) cm[i * a.cols() + j] = a.get(i, j);
        return DenseMatrix.fromColumnMajor(a.cols(), a.rows(), cm);
    }

    /** The Kronecker product A (x) B: (m p) x (n q), block (i, j) = a_ij B. */
    public static DenseMatrix kronecker(DenseMatrix a, DenseMatrix b) {
        int r = a.rows() * b.rows();
        int c = a.cols() * b.cols();
        double[] cm = new double[r * c];
        for (int j1 = 0; j1 < a.cols(); j1++) {
            for (int j2 = 0; j2 < b.cols(); j2++) {
                int col = j1 * b.cols() + j2;
                for (int i1 = 0; i1 < a.rows(); i1++) {
                    double aij = a.get(i1, j1);
                    for (int i2 = 0; i2 < b.rows(); i2++) cm[col * r + i1 * b.rows() + i2] = aij * b.get(i2, j2);
                }
            }
        }
        return DenseMatrix.fromColumnMajor(r, c, cm);
    }

    /** The Khatri–Rao (column-wise Kronecker) product: column j is a_j (x) b_j; A and B need the same column count. */
    public static DenseMatrix khatriRao(DenseMatrix a, DenseMatrix b) {
        if (a.cols() != b.cols()) {
            throw new IllegalArgumentException("Khatri-Rao product needs equal column counts, got " + a.cols() + " and " + b.cols());
        }
        int r = a.rows() * b.rows();
        double[] cm = new double[r * a.cols()];
        for (int j = 0; j < a.cols(); j++) {
            for (int i1 = 0; i1 < a.rows(); i1++) {
                double aij = a.get(i1, j);
                for (int i2 = 0; i2 < b.rows(); i2++) cm[j * r + i1 * b.rows() + i2] = aij * b.get(i2, j);
            }
        }
        return DenseMatrix.fromColumnMajor(r, a.cols(), cm);
    }

    /**
     * The {@code rank} leading left singular vectors of A (m x rank, orthonormal columns, by decreasing singular
     * value). Signs are fixed so that each vector's largest-magnitude entry is positive, which makes the result
     * deterministic across SVD implementations.
     */
    public static DenseMatrix leadingLeftSingularVectors(DenseMatrix a, int rank) {
        if (rank < 1 || rank > a.rows()) {
            throw new IllegalArgumentException("rank must be between 1 and " + a.rows() + ", got " + rank);
        }
        DMatrixRMaj m = toEjml(a);
        // A compact SVD has min(m, n) left vectors; a full one is needed when more are asked for (full-rank HOSVD of a
        // mode whose unfolding is tall).
        boolean compact = rank <= Math.min(m.numRows, m.numCols);
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(m.numRows, m.numCols, true, false, compact);
        if (!svd.decompose(m)) throw new ArithmeticException("SVD failed for a " + a.rows() + "x" + a.cols() + " matrix");
        DMatrixRMaj u = svd.getU(null, false);
        DMatrixRMaj w = svd.getW(null);
        SingularOps_DDRM.descendingOrder(u, false, w, null, false);
        double[] cm = new double[a.rows() * rank];
        for (int j = 0; j < rank; j++) {
            int argMax = 0;
            for (int i = 0; i < a.rows(); i++) if (Math.abs(u.get(i, j)) > Math.abs(u.get(argMax, j))) argMax = i;
            double sign = u.get(argMax, j) < 0 ? -1 : 1;
            for (int i = 0; i < a.rows(); i++) cm[j * a.rows() + i] = sign * u.get(i, j);
        }
        return DenseMatrix.fromColumnMajor(a.rows(), rank, cm);
    }

    static DMatrixRMaj toEjml(DenseMatrix a) {
        DMatrixRMaj m = new DMatrixRMaj(a.rows(), a.cols());
        for (int i = 0; i < a.rows(); i++) for (int j = 0; j < a.cols(); j++) m.unsafe_set(i, j, a.get(i, j));
        return m;
    }

    static DenseMatrix fromEjml(DMatrixRMaj m) {
        double[] cm = new double[m.numRows * m.numCols];
        for (int i = 0; i < m.numRows; i++) for (int j = 0; j < m.numCols; j++) cm[j * m.numRows + i] = m.unsafe_get(i, j);
        return DenseMatrix.fromColumnMajor(m.numRows, m.numCols, cm);
    }
}
