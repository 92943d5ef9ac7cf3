package certus.benchmarks;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.ejml.interfaces.decomposition.QRDecomposition;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.ojalgo.matrix.decomposition.Cholesky;
import org.ojalgo.matrix.decomposition.QR;
import org.ojalgo.matrix.decomposition.SingularValue;
import org.ojalgo.matrix.store.MatrixStore;
import org.ojalgo.matrix.store.R064Store;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Issue 5: which library the tensor module wraps for GEMM, SVD, QR and Cholesky — EJML 0.44 or ojAlgo 57 — on the
 * shapes TenMTL produces (a square GEMM, the SVD of a wide mode unfolding, the QR of a tall design block, the
 * Cholesky of a Gram matrix). Single-threaded calls, as the estimators make them.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class LinearAlgebraBenchmark {
    @Param({"200", "500"})
    public int size;

    private DMatrixRMaj ejmlA;
    private DMatrixRMaj ejmlB;
    private DMatrixRMaj ejmlWide;
    private DMatrixRMaj ejmlTall;
    private DMatrixRMaj ejmlSpd;
    private R064Store ojA;
    private R064Store ojB;
    private R064Store ojWide;
    private R064Store ojTall;
    private R064Store ojSpd;

    @Setup
    public void setup() {
        SplittableRandom r = new SplittableRandom(1);
        ejmlA = random(r, size, size);
        ejmlB = random(r, size, size);
        ejmlWide = random(r, size / 4, size * 4); // a mode unfolding: few rows, many columns
        ejmlTall = random(r, size * 4, size / 10);  // a design block: many rows, few unknowns
        ejmlSpd = new DMatrixRMaj(size, size);
        CommonOps_DDRM.multTransA(ejmlA, ejmlA, ejmlSpd);
        for (int i = 0; i < size; i++) ejmlSpd.add(i, i, 1.0);
        ojA = toOj(ejmlA);
        ojB = toOj(ejmlB);
        ojWide = toOj(ejmlWide);
        ojTall = toOj(ejmlTall);
        ojSpd = toOj(ejmlSpd);
    }

    private static DMatrixRMaj random(SplittableRandom r, int rows, int cols) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) m.data[i] = r.nextGaussian();
        return m;
    }

    private static R064Store toOj(DMatrixRMaj m) {
        R064Store s = R064Store.FACTORY.make(m.numRows, m.numCols);
        for (int i = 0; i < m.numRows; i++) for (int j = 0; j < m.numCols; j++) s.set(i, j, m.get(i, j));
        return s;
    }

    @Benchmark
    public DMatrixRMaj ejmlGemm() {
        DMatrixRMaj c = new DMatrixRMaj(size, size);
        CommonOps_DDRM.mult(ejmlA, ejmlB, c);
        return c;
    }

    @Benchmark
    public MatrixStore<Double> ojalgoGemm() {
        return ojA.multiply(ojB);
    }

    @Benchmark
    public DMatrixRMaj ejmlSvdLeftVectors() {
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(ejmlWide.numRows, ejmlWide.numCols, true, false, true);
        svd.decompose(ejmlWide.copy());
        return svd.getU(null, false);
    }

    @Benchmark
    public MatrixStore<Double> ojalgoSvdLeftVectors() {
        SingularValue<Double> svd = SingularValue.R064.make(ojWide);
        svd.decompose(ojWide);
        return svd.getU();
    }

    @Benchmark
    public DMatrixRMaj ejmlQr() {
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(ejmlTall.numRows, ejmlTall.numCols);
        qr.decompose(ejmlTall.copy());
        return qr.getR(null, true);
    }

    @Benchmark
    public MatrixStore<Double> ojalgoQr() {
        QR<Double> qr = QR.R064.make(ojTall);
        qr.decompose(ojTall);
        return qr.getR();
    }

    @Benchmark
    public DMatrixRMaj ejmlCholesky() {
        CholeskyDecomposition_F64<DMatrixRMaj> ch = DecompositionFactory_DDRM.chol(size, true);
        ch.decompose(ejmlSpd.copy());
        return ch.getT(null);
    }

    @Benchmark
    public MatrixStore<Double> ojalgoCholesky() {
        Cholesky<Double> ch = Cholesky.R064.make(ojSpd);
        ch.decompose(ojSpd);
        return ch.getL();
    }
}
