package diemcau.event;

/** Where a day takes place: the hall as people name it, and its address. */
public record Venue(String name, String address) {

  /** "Phòng 103, Trung tâm Hội nghị - Biểu diễn thành phố (đường Trần Kiên, …)": the name with the address. */
  public String full() {
    return name + " (" + address + ")";
  }
}
