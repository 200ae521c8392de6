// Behaviour shared by the pages, kept out of the HTML (the Content-Security-Policy allows no
// inline script or event handler): a <select data-autosubmit> submits its form when changed.
document.addEventListener("change", (event) => {
  const target = event.target;
  if (target instanceof HTMLSelectElement && target.hasAttribute("data-autosubmit") && target.form) {
    target.form.requestSubmit();
  }
});
