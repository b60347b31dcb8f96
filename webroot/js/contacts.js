// The contest's public contacts (the event file's), as list items: each phone line, the e-mail
// and the platforms, one tap away. Used by the public page and the MC's run sheet.

/** List items for {phones, email, links} as /api/event gives them. */
export function contactItems(contacts) {
  const item = (label, text, href, who) => {
    const li = document.createElement('li');
    li.append(span('label', label), ' ');
    const link = document.createElement('a');
    link.href = href;
    link.textContent = text;
    li.append(link);
    if (who) li.append(span('who', who));
    return li;
  };
  return [
    ...contacts.phones.map((phone) => item(phone.label, phone.number, `tel:${phone.dial}`, phone.who)),
    ...(contacts.email ? [item('E-mail', contacts.email, `mailto:${encodeURIComponent(contacts.email).replace('%40', '@')}`)] : []),
    ...contacts.links.map((link) => item(link.label, link.url.replace(/^https?:\/\//, ''), link.url)),
  ];
}

function span(className, text) {
  const element = document.createElement('span');
  element.className = className;
  element.textContent = text;
  return element;
}
