package certus.formulations.bnb;

import java.util.Arrays;

/** A binary support as sorted feature indices: a vertex of a node's relaxation and a feasible point of the problem. */
record Support(int[] indices) {
    Support {
        indices = indices.clone();
        Arrays.sort(indices);
    }

    boolean contains(int j) {
        return Arrays.binarySearch(indices, j) >= 0;
    }

    int size() {
        return indices.length;
    }

    boolean[] mask(int p) {
        boolean[] m = new boolean[p];
        for (int j : indices) m[j] = true;
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Support s && Arrays.equals(indices, s.indices);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(indices);
    }

    @Override
    public String toString() {
        return Arrays.toString(indices);
    }
}
