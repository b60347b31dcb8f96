package diemcau.event;

import java.util.List;
import java.util.Optional;

/** The final's judging rubric: a judge scores every criterion; a score sheet's total is their sum. */
public record Rubric(List<Criterion> criteria) {

  public Rubric {
    criteria = List.copyOf(criteria);
  }

  public Optional<Criterion> criterion(String id) {
    return criteria.stream().filter(c -> c.id().equals(id)).findFirst();
  }

  /** Highest possible total: the sum of the criteria's maxima. */
  public double maxTotal() {
    return criteria.stream().mapToDouble(Criterion::max).sum();
  }

  public double minTotal() {
    return criteria.stream().mapToDouble(Criterion::min).sum();
  }
}
