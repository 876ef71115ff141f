/*
 * The desa kiosk (anjungan). Everything works without this script; it only makes the touch screen nicer:
 * - idle timer: after data-idle seconds without a touch or key, go to data-pulang (ends the resident's session);
 * - the card field keeps the focus, so the USB card reader's keystrokes always land in it;
 * - the on-screen PIN pad;
 * - the Print button of the queue ticket.
 */
(() => {
  const body = document.body;
  const idle = Number(body.dataset.idle || '0');
  const pulang = body.dataset.pulang || '/anjungan';

  if (idle > 0) {
    let timer = 0;
    const reset = () => {
      clearTimeout(timer);
      timer = setTimeout(() => window.location.assign(pulang), idle * 1000);
    };
    for (const ev of ['pointerdown', 'keydown', 'touchstart', 'input', 'wheel']) {
      document.addEventListener(ev, reset, { passive: true, capture: true });
    }
    reset();
  }

  const kartu = document.querySelector('[data-kartu]');
  if (kartu) {
    const fokus = () => {
      const a = document.activeElement;
      // another field the person is typing in keeps its focus
      if (a && a !== kartu && (a.tagName === 'INPUT' || a.tagName === 'TEXTAREA')) return;
      kartu.focus();
    };
    kartu.addEventListener('blur', () => setTimeout(fokus, 300));
    document.addEventListener('visibilitychange', fokus);
    fokus();
  }

  const pad = document.querySelector('[data-pinpad]');
  const pin = document.querySelector('[data-pin]');
  if (pad && pin) {
    pad.hidden = false;
    pad.addEventListener('click', (e) => {
      const b = e.target.closest('button');
      if (!b) return;
      if (b.hasAttribute('data-hapus')) pin.value = '';
      else if (b.dataset.digit && pin.value.length < 6) pin.value += b.dataset.digit;
      pin.focus();
    });
  }

  for (const b of document.querySelectorAll('[data-cetak]')) {
    b.hidden = false;
    b.addEventListener('click', () => window.print());
  }
})();
