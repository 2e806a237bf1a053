// "In" buttons (any element marked data-print) open the browser's print dialog; the page's
// print stylesheet does the rest. A listener, not an onclick attribute, so a strict
// Content-Security-Policy needs no inline script.
document.addEventListener("click", (event) => {
  if (event.target instanceof Element && event.target.closest("[data-print]")) {
    event.preventDefault();
    window.print();
  }
});
