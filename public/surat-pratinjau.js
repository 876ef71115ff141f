// Live letter preview: after typing stops, the form is sent to its preview frame (the "Pratinjau" button's
// formaction/formtarget), so the PDF follows the text. Without this script the button does the same on click.
(() => {
  const tombol = document.querySelector('button[data-pratinjau]');
  const form = tombol?.form;
  if (!tombol || !form || typeof form.requestSubmit !== 'function') return;
  let timer = 0;
  const kirim = () => {
    if (form.checkValidity()) form.requestSubmit(tombol);
  };
  // every field counts (text, checkboxes, selects all fire `input`)
  form.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(kirim, 1000);
  });
  kirim();
})();
