package diemcau.event;

import java.util.List;

/**
 * The contest's public contacts, as the letters give them: phone lines (the organisers' hotline
 * on Zalo, the contact people), an e-mail address (null when none), and the platforms' links.
 * Shown on the public page, on a bridge link's "wrong link" page and on the MC's run sheet.
 */
public record Contacts(List<Phone> phones, String email, List<Link> links) {

  /** An event file without contacts. */
  public static final Contacts NONE = new Contacts(List.of(), null, List.of());

  /** A phone line: what it is for, its number as people dial it, and who answers (may be empty). */
  public record Phone(String label, String number, String who) {

    /** The number for a {@code tel:} link: its digits and a leading +. */
    public String dialable() {
      return number.replaceAll("[^0-9+]", "");
    }
  }

  /** A link to one of the contest's platforms. */
  public record Link(String label, String url) {}

  public Contacts {
    phones = List.copyOf(phones);
    links = List.copyOf(links);
  }
}
