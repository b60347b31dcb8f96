package diemcau.event;

/** How many units go on: communes and departments from stage 1 to stage 2, and finalists from stage 2. */
public record Quotas(int communesToStage2, int departmentsToStage2, int finalists) {

  /** All units in stage 2. */
  public int stage2Units() {
    return communesToStage2 + departmentsToStage2;
  }
}
