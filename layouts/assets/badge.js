// The copy button of a unit's badge snippet (layout unit): copies the code
// in the <pre> before it and says so in its status line. Without JavaScript,
// or without a clipboard, the button stays hidden and the code is selected
// by hand.
for (const button of document.querySelectorAll("[data-copy]")) {
  const code = document.getElementById(button.dataset.copy);
  const status = document.getElementById(button.dataset.copyStatus);
  if (!code || !status || !navigator.clipboard) continue;
  button.hidden = false;
  button.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(code.textContent);
      status.textContent = "Koden är kopierad.";
    } catch {
      status.textContent = "Koden kunde inte kopieras. Markera den och kopiera den själv.";
    }
  });
}
