package dev.pemtls.bench.startup;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every value measured, by metric and implementation, in the order the rounds produced them. */
final class Samples {
  private final Map<String, Map<Impl, List<Double>>> values = new LinkedHashMap<>();

  void add(String metric, Impl impl, double value) {
    values.computeIfAbsent(metric, k -> new EnumMap<>(Impl.class))
        .computeIfAbsent(impl, k -> new ArrayList<>()).add(value);
  }

  /** All values of {@code metric} for {@code impl}; empty when none were measured. */
  List<Double> of(String metric, Impl impl) {
    return values.getOrDefault(metric, Map.of()).getOrDefault(impl, List.of());
  }

  /** The median of {@link #of}, or NaN when nothing was measured. */
  double median(String metric, Impl impl) {
    List<Double> v = new ArrayList<>(of(metric, impl));
    if (v.isEmpty()) {
      return Double.NaN;
    }
    Collections.sort(v);
    int n = v.size();
    return n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2;
  }

  Iterable<String> metrics() {
    return values.keySet();
  }
}
