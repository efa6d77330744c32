// The pages' few behaviours, bound here because the Content-Security-Policy allows no inline script or handlers.
document.addEventListener('DOMContentLoaded', function () {
  // On a phone the header's menu folds behind 菜单 (app.css); without this script it simply stays open.
  var header = document.querySelector('header.top');
  var menu = header && header.querySelector('.menu-button');
  if (menu) {
    header.classList.add('menu-ready');
    menu.addEventListener('click', function () {
      menu.setAttribute('aria-expanded', String(header.classList.toggle('menu-open')));
    });
  }
  document.querySelectorAll('[data-print]').forEach(function (b) {
    b.addEventListener('click', function () { window.print(); });
  });
  document.querySelectorAll('form[data-confirm]').forEach(function (f) {
    f.addEventListener('submit', function (e) {
      if (!window.confirm(f.getAttribute('data-confirm'))) { e.preventDefault(); }
    });
  });
  document.querySelectorAll('input[data-select-all]').forEach(function (all) {
    all.addEventListener('change', function () {
      all.form.querySelectorAll('input[type=checkbox][name="' + all.getAttribute('data-select-all') + '"]').forEach(function (c) { c.checked = all.checked; });
    });
  });
  document.querySelectorAll('[data-autosubmit]').forEach(function (s) {
    s.addEventListener('change', function () { s.form.submit(); });
  });
});
