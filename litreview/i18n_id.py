"""Indonesian catalogue of the interface (see :mod:`litreview.i18n`).

``CATALOG`` maps each English message template, as written in the code, to its Indonesian
template (the same ``{placeholders}``). ``COMMAND_HELP`` gives the help of the main commands
(`litreview --help` and `litreview COMMAND --help` with ``--lang id`` or ``LITREVIEW_LANG=id``).
"""

from __future__ import annotations

CATALOG: dict[str, str] = {
    # errors and interruptions
    "error:": "galat:",
    "terminated": "dihentikan",
    "interrupted": "diinterupsi",
    "stopped; nothing of the unfinished command was saved": "berhenti; tidak ada hasil perintah yang belum selesai "
                                                             "yang disimpan",
    "waiting for another litreview to finish…": "menunggu litreview lain selesai…",
    # corpus
    "no corpus here or in any parent directory; run `litreview init` or pass --corpus DIR":
        "tidak ada korpus di sini atau di folder induk mana pun; jalankan `litreview init` atau beri --corpus DIR",
    "{name}: no such file or directory": "{name}: berkas atau folder tidak ada",
    "unknown theme '{name}'; the codebook's themes are: {themes}":
        "tema '{name}' tidak dikenal; tema dalam buku kode: {themes}",
    "Corpus already exists in {where}": "Korpus sudah ada di {where}",
    "Created an empty corpus in {where}": "Korpus kosong dibuat di {where}",
    "No corpus found; created one in {where}": "Korpus tidak ditemukan; korpus baru dibuat di {where}",
    "Wrote {target}": "Ditulis: {target}",
    "covering the papers screening included: {n} of {total}; --all for every record":
        "mencakup artikel yang lolos penyaringan: {n} dari {total}; --all untuk semua rekaman",
    "covering {n} of {total} records: the papers tagged with a theme; --all for every record":
        "mencakup {n} dari {total} rekaman: artikel yang diberi tema; --all untuk semua rekaman",
    "covering {n} of {total} records: the papers tagged with a theme and included by screening; --all for every "
    "record": "mencakup {n} dari {total} rekaman: artikel yang diberi tema dan lolos penyaringan; --all untuk semua "
              "rekaman",
    # add
    "added": "ditambahkan",
    "duplicate": "duplikat",
    "possible duplicate": "kemungkinan duplikat",
    "warning": "peringatan",
    "failed": "gagal",
    "{source}: same as {key} ({reason})": "{source}: sama dengan {key} ({reason})",
    "{new} and {old}: {reason}; both kept": "{new} dan {old}: {reason}; keduanya disimpan",
    "themes: {counts} (see `litreview themes`)": "tema: {counts} (lihat `litreview themes`)",
    "{n} added": "{n} ditambahkan",
    "{n} duplicate skipped": "{n} duplikat dilewati",
    "{n} failed": "{n} gagal",
    "{n} file read": "{n} berkas dibaca",
    # tag and themes
    "{n} paper tagged": "{n} artikel diberi tema",
    "{n} unchanged since the last tagging": "{n} tidak berubah sejak pemberian tema terakhir",
    "{n} without text or abstract": "{n} tanpa teks atau abstrak",
    "themes assigned: {counts}": "tema yang diberikan: {counts}",
    "no text": "tanpa teks",
    "{key}: no full text or abstract to tag; skipped": "{key}: tidak ada teks lengkap atau abstrak untuk diberi tema; "
                                                       "dilewati",
    "{tagged} of {total} papers tagged": "{tagged} dari {total} artikel diberi tema",
    "default codebook": "buku kode bawaan",
    "{n} themes; facets {facets}; a theme is discussed when one sentence counts 'single', or its sentences "
    "(at least 'min') reach the bar, which grows with the text's words":
        "{n} tema; faset {facets}; sebuah tema dibahas bila satu kalimat bernilai 'single', atau kalimat-kalimatnya "
        "(sedikitnya 'min') mencapai ambang, yang naik seiring jumlah kata teks",
}

# The help of the main commands, by command name ("" is `litreview` itself).
COMMAND_HELP: dict[str, str] = {
    "": "Tinjauan literatur dari baris perintah: tambahkan artikel, beri kode tema, susun tabel tinjauan.",
    "init": "Buat korpus (folder .litreview/) di DIR, atau di folder ini; DIR dibuat bila belum ada.",
    "add": (
        "Tambahkan artikel dari PDF, BibTeX, RIS, CSL-JSON, CSV, teks biasa, pustaka Zotero atau proyek "
        "REFI-QDA, beserta metadata, bagian dan sitasinya. Duplikat dikenali dan dilewati; setiap berkas yang "
        "gagal disebut dengan alasannya, dan korpus tidak berubah karenanya."
    ),
    "list": "Daftar artikel di korpus, dengan penyaring tahun, penulis, teks, tema, koleksi dan tag Zotero.",
    "show": "Metadata, bagian, berkas, asal-usul dan peringatan satu artikel.",
    "tag": (
        "Beri tema pada artikel: [cyan]litreview tag[/cyan] memberi (ulang) tema pada setiap artikel yang teks "
        "atau buku kodenya berubah; [cyan]litreview tag add KUNCI TEMA[/cyan] dan [cyan]litreview tag remove "
        "KUNCI TEMA[/cyan] mencatat keputusan Anda sendiri, yang tidak pernah ditimpa pemberian tema ulang."
    ),
    "tags": "Tema satu artikel dengan kalimat buktinya; --why TEMA menjelaskan satu keputusan.",
    "themes": "Jumlah artikel per tema: dibahas, otomatis, manual, disebut, dihapus, dan bukti.",
    "codebook": "Lihat, salin, periksa dan kembangkan buku kode tema (YAML).",
    "table": (
        "Tabel tinjauan: matrix (matriks literatur), themes (tema per artikel), synthesis (sintesis per tema), "
        "claims (klaim antarsumber) atau evidence (kalimat bukti), di terminal atau sebagai Markdown, CSV, JSON, "
        "LaTeX, HTML, Word atau Excel."
    ),
    "reading-list": (
        "Daftar bacaan per tema: setiap artikel sekali di bawah tema terkuatnya, bernomor, dengan referensi "
        "lengkap (APA 7 atau gaya CSL apa pun), anotasi dari artikel itu sendiri, dan daftar pustaka di akhir."
    ),
    "bibliography": "Daftar pustaka saja, menurut urutan gaya (abjad untuk APA 7), dengan indentasi gantung.",
    "daftar-pustaka": "Daftar pustaka saja, menurut urutan gaya (abjad untuk APA 7), dengan indentasi gantung.",
    "cite": "Sitasi dalam teks dan referensi lengkap artikel yang diminta.",
    "search": "Cari kata di judul, abstrak dan teks lengkap.",
    "screen": "Penyaringan: sertakan atau keluarkan rekaman, dengan alasan, oleh satu atau dua peninjau.",
    "prisma": "Hitungan alur PRISMA 2020 dan diagramnya.",
    "report": "Laporan tinjauan dalam satu berkas HTML.",
}
