/**
 * The static Typst library every letter imports as "/surat.typ": page set-up, letterhead (kop), title, body pieces,
 * signature block and small helpers for the attachment forms. Data never appears here: the generated main file
 * (surat-render.ts) passes it in as string literals. Kept in a TS constant so the build needs no copy step.
 */
export const SURAT_TYP = `
#let halaman-surat(kertas: "F4", landscape: false, margin: (:), tte: false, draf: false, huruf: "Liberation Sans", doc) = {
  set document(date: none)
  set text(font: huruf, size: 12pt, lang: "id", region: "ID", fallback: false, hyphenate: false)
  set par(justify: true, leading: 0.65em, spacing: 1em)
  set page(
    width: if kertas == "A4" { 210mm } else { 215mm },
    height: if kertas == "A4" { 297mm } else { 330mm },
    flipped: landscape,
    margin: margin,
    background: if draf {
      place(center + horizon, rotate(-50deg, text(size: 150pt, weight: "bold", fill: luma(225), "DRAF")))
    },
    footer: context {
      set text(size: 8pt)
      set par(justify: false, leading: 0.4em)
      let akhir = query(<akhir-surat>)
      let hal = here().page()
      if akhir.len() > 0 {
        let n = counter(page).at(akhir.first().location()).first()
        if n > 1 and hal <= akhir.first().location().page() {
          align(right, "Halaman " + str(hal) + " dari " + str(n))
        }
      }
      if tte {
        line(length: 100%, stroke: 0.4pt)
        v(-0.4em)
        "Dokumen ini ditandatangani secara elektronik. Keaslian dan keutuhannya dapat diperiksa dengan memindai kode QR atau mengunggah berkas PDF-nya di laman verifikasi."
      }
    },
  )
  doc
}

#let kop(logo: none, baris: (), alamat: "") = {
  set par(justify: false, leading: 0.4em, spacing: 0.4em)
  grid(
    columns: (2.6cm, 1fr, 2.6cm),
    align: (left + horizon, center + horizon, right + horizon),
    if logo != none { image(logo, height: 2.5cm, fit: "contain") },
    {
      for (i, b) in baris.enumerate() {
        let akhir = i == baris.len() - 1
        text(size: if akhir { 16pt } else { 13pt }, weight: "bold", b)
        if not akhir { linebreak() }
      }
      if alamat != "" {
        parbreak()
        text(size: 10pt, style: "italic", alamat)
      }
    },
    [],
  )
  v(0.15cm, weak: true)
  stack(spacing: 1.5pt, line(length: 100%, stroke: 2.2pt), line(length: 100%, stroke: 0.7pt))
}

#let judul-surat(judul, nomor) = {
  v(0.5cm)
  align(center, {
    set par(leading: 0.45em)
    text(weight: "bold", underline(offset: 2.5pt, stroke: 0.9pt, upper(judul)))
    linebreak()
    "Nomor: " + nomor
  })
  v(0.4cm)
}

#let paragraf(..baris) = par(baris.pos().join(linebreak()))

#let tengah(isi) = align(center, isi)

#let data-baris(semua-label, ..rows) = context {
  let lebar = calc.min(7cm, calc.max(..semua-label.map(l => measure(l).width)))
  set par(justify: false)
  block(above: 1em, below: 1em, pad(left: 1.25cm, grid(
    columns: (lebar + 0.3cm, 0.6em, 1fr),
    row-gutter: 0.65em,
    ..rows.pos().map(r => (r.at(0), [:], r.at(1))).flatten()
  )))
}

#let tanda-tangan(tempat-tanggal: "", atas-nama: none, ub: none, jabatan: "", nama: "", nip: none, qr: none) = {
  v(0.6cm)
  align(right, block(breakable: false, width: 50%, {
    set align(center)
    set par(justify: false, leading: 0.45em, spacing: 0.45em)
    tempat-tanggal
    if atas-nama != none { linebreak(); atas-nama }
    if ub != none { linebreak(); ub }
    linebreak()
    jabatan
    if qr != none {
      v(0.25cm)
      image(qr, width: 2.6cm)
      v(0.25cm)
    } else {
      v(2.6cm)
    }
    text(weight: "bold", underline(offset: 2pt, nama))
    if nip != none { linebreak(); "NIP. " + nip }
  }))
}

// --- attachment forms ---

#let kode-formulir(kode) = place(top + right, dy: -0.4cm, box(stroke: 0.8pt, inset: 4pt, text(size: 10pt, weight: "bold", kode)))

#let judul-formulir(judul, sub: none) = align(center, {
  set par(leading: 0.4em)
  text(size: 12pt, weight: "bold", judul)
  if sub != none { linebreak(); text(size: 10pt, sub) }
  v(0.3cm)
})

#let isian(judul, rows, lebar: 6cm) = {
  set par(justify: false)
  if judul != none { text(weight: "bold", judul); v(0.15cm, weak: true) }
  grid(
    columns: (lebar, 0.8em, 1fr),
    row-gutter: 0.5em,
    ..rows.map(r => (r.at(0), [:], r.at(1))).flatten()
  )
  v(0.35cm)
}

#let ttd-kolom(..kolom) = block(breakable: false, {
  v(0.5cm)
  set par(justify: false, leading: 0.45em, spacing: 0.45em)
  grid(
    columns: kolom.pos().map(_ => 1fr),
    align: center,
    ..kolom.pos().map(k => {
      k.at(0)
      v(2cm)
      text(weight: "bold", underline(offset: 2pt, k.at(1)))
      if k.len() > 2 and k.at(2) != none { linebreak(); k.at(2) }
    })
  )
})
`;
