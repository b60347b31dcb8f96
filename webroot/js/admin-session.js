// The admin pages' sign-in: the admin token is kept in this browser until "Đăng xuất".
export const ADMIN_TOKEN_KEY = 'diemcau.adminToken';

/** Wires the page's #login form and #logout link, and calls start(token) with a saved or typed token. */
export function adminSession(start) {
  const $ = (id) => document.getElementById(id);
  $('login').addEventListener('submit', (event) => {
    event.preventDefault();
    start($('token').value.trim());
  });
  $('logout').addEventListener('click', (event) => {
    event.preventDefault();
    localStorage.removeItem(ADMIN_TOKEN_KEY);
    location.reload();
  });
  const saved = localStorage.getItem(ADMIN_TOKEN_KEY);
  if (saved) start(saved); else $('login').hidden = false;
}
