// The chair is not invited to his own meeting: when the chair changes, his checkbox among the
// invitees is unticked and hidden, and the previous chair's is offered again. The server never
// offers the chair it rendered with; this keeps the page right when the choice changes.
document.addEventListener("DOMContentLoaded", () => {
  const chair = document.querySelector("select[name=chair]");
  if (!chair) return;
  const hideChair = () => {
    document.querySelectorAll("input[name=invited_people]").forEach((box) => {
      const holder = box.closest("div") || box.parentElement;
      const isChair = box.value === chair.value;
      if (isChair) box.checked = false;
      if (holder) holder.hidden = isChair;
    });
  };
  chair.addEventListener("change", hideChair);
  hideChair();
});

// Changing the committee reloads the proposed agenda (obstacles and open conclusions) for it:
// the form names the address in data-proposals-url when it offers an agenda.
document.addEventListener("DOMContentLoaded", () => {
  const form = document.querySelector("form[data-proposals-url]");
  const select = form && form.querySelector("select[name=committee]");
  if (!select || !window.htmx) return;
  select.addEventListener("change", () => {
    const url = `${form.dataset.proposalsUrl}?committee=${encodeURIComponent(select.value)}`;
    htmx.ajax("GET", url, { target: "#proposals", select: "#proposals", swap: "innerHTML" });
  });
});
