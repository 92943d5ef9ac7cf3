package certus.tensor;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static certus.tensor.DenseTensorTest.random;
import static certus.tensor.DenseTensorTest.randomMatrix;
import static certus.tensor.DenseTensorTest.randomShape;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** HOSVD and HOOI: exact at full or true rank, never worse with more sweeps. */
class TuckerDecompositionTest {

    @Property(tries = 50)
    void fullRankHosvdReconstructsExactly(@ForAll @LongRange(min = 1, max = 1_000_000) long seed, @ForAll @IntRange(min = 1, max = 4) int order) {
        SplittableRandom r = new SplittableRandom(seed);
        DenseTensor x = random(r, randomShape(r, order));
        Tucker t = TuckerDecomposition.hosvd(x, x.shape());
        assertEquals(0.0, TuckerDecomposition.error(x, t), 1e-10 * (1 + x.norm()));
    }

    @Property(tries = 50)
    void hosvdRecoversAnExactlyLowRankTensor(@ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int[] ranks = {1 + r.nextInt(2), 1 + r.nextInt(2), 1 + r.nextInt(2)};
        int[] shape = {ranks[0] + 1 + r.nextInt(3), ranks[1] + 1 + r.nextInt(3), ranks[2] + 1 + r.nextInt(3)};
        List<DenseMatrix> factors = new ArrayList<>();
        for (int n = 0; n < 3; n++) factors.add(randomMatrix(r, shape[n], ranks[n]));
        DenseTensor x = new Tucker(random(r, ranks), factors).reconstruct();
        Tucker t = TuckerDecomposition.hosvd(x, ranks);
        assertEquals(0.0, TuckerDecomposition.error(x, t), 1e-9 * (1 + x.norm()));
    }

    @Property(tries = 40)
    void hooiNeverIncreasesTheErrorAndBeatsOrTiesHosvd(@ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int[] shape = {2 + r.nextInt(4), 2 + r.nextInt(4), 2 + r.nextInt(4)};
        DenseTensor x = random(r, shape);
        int[] ranks = {1 + r.nextInt(shape[0] - 1), 1 + r.nextInt(shape[1] - 1), 1 + r.nextInt(shape[2] - 1)};
        TuckerDecomposition.Result res = TuckerDecomposition.hooi(x, 30, 1e-12, ranks);
        List<Double> e = res.errors();
        for (int i = 1; i < e.size(); i++) assertTrue(e.get(i) <= e.get(i - 1) * (1 + 1e-10) + 1e-12, "sweep " + i + ": " + e);
        assertEquals(TuckerDecomposition.error(x, res.tucker()), e.get(e.size() - 1), 1e-12);
        // orthonormal factors: ||X - [[G;U]]||^2 = ||X||^2 - ||G||^2
        double err = e.get(e.size() - 1);
        assertEquals(x.norm() * x.norm() - res.tucker().core().norm() * res.tucker().core().norm(), err * err, 1e-9 * (1 + x.norm() * x.norm()));
    }
}
