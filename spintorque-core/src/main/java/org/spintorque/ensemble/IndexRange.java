package org.spintorque.ensemble;

/**
 * The realization indices {@code start <= i < end}. Ensembles split across machines use disjoint ranges of
 * the same seed; their results merge into the result of the union.
 */
public record IndexRange(long start, long end) {
    public IndexRange {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("realization range [" + start + ", " + end
                    + ") is not valid: need 0 <= start <= end");
        }
    }

    /** Realizations 0 to n - 1. */
    public static IndexRange first(long n) {
        return new IndexRange(0, n);
    }

    public long size() {
        return end - start;
    }

    public boolean isEmpty() {
        return end == start;
    }

    public boolean contains(long index) {
        return index >= start && index < end;
    }

    public boolean overlaps(IndexRange other) {
        return start < other.end && other.start < end && !isEmpty() && !other.isEmpty();
    }

    @Override
    public String toString() {
        return "[" + start + ", " + end + ")";
    }
}
