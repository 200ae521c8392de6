// Behaviour shared by the pages, kept out of the HTML (the Content-Security-Policy allows no
// inline script or event handler): a <select data-autosubmit> submits its form when changed.
document.addEventListener("change", (event) => {
  const target = event.target;
  if (target instanceof HTMLSelectElement && target.hasAttribute("data-autosubmit") && target.form) {
    target.form.requestSubmit();
  }
});
// The menu button of narrow screens opens and closes the navigation.
document.addEventListener("click", (event) => {
  const button = event.target instanceof Element ? event.target.closest("#menu-button") : null;
  if (!button) return;
  const open = button.getAttribute("aria-expanded") !== "true";
  button.setAttribute("aria-expanded", String(open));
  document.getElementById("top-menu")?.classList.toggle("open", open);
  document.querySelector("header.top .who")?.classList.toggle("open", open);
});
