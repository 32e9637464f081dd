package io.cmlfleet.adapters.aws;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Splits work into the largest batches an AWS API accepts. */
final class Batches {

    private Batches() {
    }

    static <T> List<List<T>> chunks(Collection<T> items, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("size must be positive");
        }
        List<List<T>> chunks = new ArrayList<>();
        List<T> current = new ArrayList<>(Math.min(size, items.size()));
        for (T item : items) {
            current.add(item);
            if (current.size() == size) {
                chunks.add(current);
                current = new ArrayList<>(Math.min(size, items.size()));
            }
        }
        if (!current.isEmpty()) {
            chunks.add(current);
        }
        return chunks;
    }
}
