// A keyboard trap: Tab does nothing on the link #falla.
document.addEventListener("keydown", (e) => {
  if (e.key === "Tab" && document.activeElement.id === "falla") e.preventDefault();
});
