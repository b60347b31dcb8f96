package diemcau.event;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Everything specific to one contest, as read from its event file by {@link EventLoader}: the
 * units (commune-level units first, then departments, in file order), the two days the agenda
 * runs (the launch conference and the final, each with its date, start, venue and programme),
 * the stages, how many units go on, the prizes, the final's rubric and rules, the stage-1
 * ranking rule, and the contest's public contacts.
 */
public record Event(
    String id,
    String name,
    String shortName,
    String organiser,
    ZoneId zone,
    List<Unit> units,
    Day conference,
    Day finalDay,
    List<Stage> stages,
    Quotas quotas,
    List<Prize> prizes,
    Rubric rubric,
    FinalRules finalRules,
    Ranking ranking,
    Contacts contacts) {

  public Event {
    units = List.copyOf(units);
    stages = List.copyOf(stages);
    prizes = List.copyOf(prizes);
  }

  /** Both days, in date order: the conference, then the final. */
  public List<Day> days() {
    return List.of(conference, finalDay);
  }

  /** The day with this id ({@link Day#CONFERENCE} or {@link Day#FINAL}). */
  public Optional<Day> day(String id) {
    return days().stream().filter(day -> day.id().equals(id)).findFirst();
  }

  public Optional<Unit> unit(String code) {
    if (code == null) {
      return Optional.empty();
    }
    return units.stream().filter(u -> u.code().equals(code)).findFirst();
  }

  /** Xã, phường and đặc khu: the bridge sites. */
  public List<Unit> communes() {
    return units.stream().filter(u -> u.kind().communeLevel()).toList();
  }

  /** Sở, ban, ngành. */
  public List<Unit> departments() {
    return units.stream().filter(u -> !u.kind().communeLevel()).toList();
  }

  /** Stage 2: the window in which the qualified units' entries are received. */
  public Stage stage2() {
    return stages.get(1);
  }

  public Optional<Stage> stage(String id) {
    return stages.stream().filter(s -> s.id().equals(id)).findFirst();
  }

  /** The prize with this id. */
  public Optional<Prize> prize(String id) {
    return prizes.stream().filter(p -> p.id().equals(id)).findFirst();
  }

  /** The prizes of one pool ({@link Prize#FINALISTS} or {@link Prize#STAGE2_NOT_FINALIST}), in file order. */
  public List<Prize> prizes(String pool) {
    return prizes.stream().filter(p -> p.pool().equals(pool)).toList();
  }

  /**
   * The prize of a place (1 = first) in one pool ({@link Prize#FINALISTS}: a final rank;
   * {@link Prize#STAGE2_NOT_FINALIST}: a place among the stage-2 units not in the final): the
   * pool's prizes are handed out in file order, each covering {@code count} places. Empty when
   * the place is beyond the pool's prizes.
   */
  public Optional<Prize> prizeForPlace(String pool, int place) {
    int last = 0;
    for (Prize prize : prizes(pool)) {
      last += prize.count();
      if (place >= 1 && place <= last) {
        return Optional.of(prize);
      }
    }
    return Optional.empty();
  }
}
