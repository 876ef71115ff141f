// Balai: the article editor. Without JavaScript the body is a plain <textarea name="isi"> (HTML); with it, the
// textarea is swapped for Trix (public/konten-trix.js) bound to a hidden input of the same name. The server
// sanitises whatever arrives, so nothing here is a security boundary. File attachments inside the text are
// refused: pictures and PDFs are uploaded with the forms below the editor (re-encoded and checked there).
(() => {
  const area = document.getElementById('f-isi');
  if (!area || !window.customElements || !window.Trix) return;
  const input = document.createElement('input');
  input.type = 'hidden';
  input.id = 'f-isi-trix';
  input.name = 'isi';
  input.value = area.value;
  const editor = document.createElement('trix-editor');
  editor.setAttribute('input', input.id);
  editor.setAttribute('aria-labelledby', 'f-isi-label');
  editor.className = 'konten-trix';
  const label = document.querySelector('label[for="f-isi"]');
  if (label) label.id = 'f-isi-label';
  const hint = area.getAttribute('aria-describedby');
  if (hint)
    editor.setAttribute(
      'aria-describedby',
      hint
        .split(' ')
        .filter((id) => id !== 'f-isi-hint')
        .join(' '),
    );
  area.removeAttribute('name');
  area.hidden = true;
  area.after(input, editor);
  editor.addEventListener('trix-file-accept', (event) => event.preventDefault());
  const hintText = document.getElementById('f-isi-hint');
  if (hintText) hintText.hidden = true;
})();
