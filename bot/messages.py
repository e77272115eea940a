"""The bot's own words (everything but the quotes), in Indonesian and English."""

from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {
    "id": {
        "sources_heading": "Sumber",
        "decline": "Maaf, artikel-artikel yang saya punya tidak menjawab pertanyaan itu.",
        "examples_heading": "Contoh pertanyaan yang bisa saya jawab:",
        "greeting": "Halo! Saya menjawab pertanyaan tentang {event} dengan kutipan dari berita.",
        "thanks": "Sama-sama!",
        "empty": "Silakan ketik pertanyaan dalam kata-kata, misalnya:",
        "empty_no_examples": "Silakan ketik pertanyaan dalam kata-kata.",
        "too_long": "Pertanyaannya terlalu panjang (paling banyak {limit} karakter). "
        "Coba tanyakan satu hal dengan singkat.",
        "disagree": "Sumber berbeda soal {what}:",
        "what_date": "tanggal",
        "what_number": "angka",
        "what_age": "usia",
        "what_time": "jam",
        "no_link": "tautan tidak diketahui",
        "more_none": "Tidak ada kutipan lain yang relevan.",
        "more_heading": "Kutipan lain:",
        # the kinds of reply
        "lead_ya": "Menurut sumber: ya",
        "lead_tidak": "Menurut sumber: tidak",
        "lead_other": "Menurut sumber: {lead}",
        "read_as": "(tentang: {question})",
        "digest_heading": "Ringkasan",
        "timeline_heading": "Kronologi",
        "undated": "Tanpa tanggal",
        "outlet_silent": "{outlet} tidak memberitakan hal ini. Menurut sumber lain:",
        "outlet_silent_unnamed": "Media itu tidak memberitakan hal ini. Menurut sumber lain:",
        "sources_agree": "Sumber-sumber sepakat soal ini.",
        "one_outlet": "Semua artikel saya dari satu media, jadi tidak ada yang bisa dibandingkan.",
        "one_outlet_account": "Semua artikel saya dari satu media, jadi ini versi satu sumber saja.",
        "single_report": "Hanya {outlet} yang memberitakan hal ini, jadi tidak ada yang bisa "
        "dibandingkan.",
        "no_dates": "Artikel-artikel ini tidak memuat tanggal, jadi saya tidak bisa menyusun kronologi.",
        "date_differs": "Media-media menyebut tanggal yang berbeda untuk kejadian yang sama: "
        "keduanya ada di atas, masing-masing dengan sumbernya.",
        "digest_none": "Maaf, artikel-artikel saya belum cukup untuk dibuat ringkasan.",
        "clarify": "Maksudnya tentang apa? Tanyakan lengkap, misalnya:",
        "clarify_no_examples": "Maksudnya tentang apa? Tanyakan lengkap, dengan nama orang, "
        "tempat, atau kejadiannya.",
        # Telegram
        "start_known": "Saya sudah membaca {count} artikel tentangnya, dari {outlets}.",
        "start_tap": "Ketuk salah satu contoh di bawah, atau ketik pertanyaan Anda sendiri. "
        "Ketuk {summary} untuk intinya.",
        "start_type": "Ketik pertanyaan Anda tentang berita itu, atau ketuk {summary} untuk intinya.",
        "help": "Ketik pertanyaan tentang {event}. Saya menjawab dengan kalimat yang dikutip "
        "dari berita; tanda [1], [2] menunjuk ke daftar sumber di bawahnya. Kalau artikelnya "
        "tidak menjawab, saya katakan terus terang.\n\n"
        "Di grup: tulis /tanya lalu pertanyaannya, sebut @{bot}, atau balas pesan saya.\n"
        "Di chat mana pun: ketik @{bot} lalu pertanyaannya, dan pilih jawabannya.\n\n"
        'Di bawah setiap jawaban: 👍 atau 👎 untuk menilai, dan "{more}" untuk kutipan '
        "tambahan.\n\n"
        "/ringkasan: ringkasan berita dari beberapa media\n"
        "/kronologi: urutan kejadian, dengan tanggalnya\n"
        "/sumber: artikel yang saya baca\n"
        "/lupakan: hapus semua yang saya simpan tentang Anda\n"
        "/bantuan: pesan ini",
        "sources_intro": "Artikel yang saya baca:",
        "slow_down": "Pelan-pelan, ya: paling banyak {limit} pertanyaan per menit. "
        "Tunggu sebentar, lalu tanya lagi.",
        "non_text": "Saya hanya bisa membaca pertanyaan berupa teks. Silakan ketik pertanyaan Anda.",
        "feedback_up": "Terima kasih atas penilaiannya!",
        "feedback_down": "Terima kasih, masukan Anda saya catat.",
        "more_button": "Lebih lengkap",
        "error": "Maaf, ada yang salah di pihak saya. Silakan coba lagi sebentar lagi.",
        "forget_done": "Sudah saya hapus: pertanyaan, penilaian, dan percakapan yang saya simpan "
        "tentang Anda.",
        "forget_unavailable": "Maaf, penyimpanan saya sedang tidak bisa dibuka, jadi belum ada "
        "yang bisa saya hapus. Silakan coba lagi nanti.",
        "forget_nothing_linked": "Sudah saya hapus percakapan yang saya ingat tentang Anda. "
        "Yang saya simpan tidak memuat identitas siapa pun, jadi tidak ada yang bisa dikaitkan "
        "dengan Anda.",
        "button_expired": "Tombol ini sudah kedaluwarsa. Silakan tanyakan lagi.",
        "button_unknown": "Maaf, saya tidak mengenali tombol ini.",
        "tanya_usage": "Tulis pertanyaannya setelah /tanya, misalnya:\n/tanya {example}",
        "cmd_start": "Mulai, dengan contoh pertanyaan",
        "cmd_tanya": "Ajukan pertanyaan (di grup)",
        "cmd_sumber": "Artikel yang saya baca",
        "cmd_help": "Cara memakai bot ini",
        "cmd_lupakan": "Hapus semua data Anda",
        "cmd_ringkasan": "Ringkasan berita",
        "cmd_kronologi": "Urutan kejadian",
        "summary_button": "Ringkasan",
    },
    "en": {
        "sources_heading": "Sources",
        "decline": "Sorry, the articles I have do not answer that question.",
        "examples_heading": "Questions I can answer, for example:",
        "greeting": "Hello! I answer questions about {event} with quotes from the news.",
        "thanks": "You're welcome!",
        "empty": "Please type a question in words, for example:",
        "empty_no_examples": "Please type a question in words.",
        "too_long": "That question is too long (at most {limit} characters). Try asking one thing, briefly.",
        "disagree": "The sources differ on the {what}:",
        "what_date": "date",
        "what_number": "number",
        "what_age": "age",
        "what_time": "time",
        "no_link": "link unknown",
        "more_none": "No other relevant quotes.",
        "more_heading": "More quotes:",
        # the kinds of reply
        "lead_ya": "According to the sources: yes",
        "lead_tidak": "According to the sources: no",
        "lead_other": "According to the sources: {lead}",
        "read_as": "(about: {question})",
        "digest_heading": "Summary",
        "timeline_heading": "Timeline",
        "undated": "Undated",
        "outlet_silent": "{outlet} does not report this. According to the other sources:",
        "outlet_silent_unnamed": "That outlet does not report this. According to the other sources:",
        "sources_agree": "The sources agree on this.",
        "one_outlet": "All my articles come from one outlet, so there is nothing to compare.",
        "one_outlet_account": "All my articles come from one outlet, so this is one account only.",
        "single_report": "Only {outlet} reports this, so there is nothing to compare.",
        "no_dates": "These articles give no dates, so I cannot put together a timeline.",
        "date_differs": "The outlets give different dates for the same event: both are above, "
        "each with its sources.",
        "digest_none": "Sorry, my articles are not enough for a summary yet.",
        "clarify": "What do you mean? Ask the whole question, for example:",
        "clarify_no_examples": "What do you mean? Ask the whole question, naming the people, "
        "place or event.",
        # Telegram
        "start_known": "I have read {count} articles about it, from {outlets}.",
        "start_tap": "Tap one of the examples below, or type your own question. "
        "Tap {summary} for the gist.",
        "start_type": "Type your question about the news, or tap {summary} for the gist.",
        "help": "Type a question about {event}. I answer with sentences quoted from the news; "
        "the marks [1], [2] point to the list of sources below them. When the articles do not "
        "answer, I say so.\n\n"
        "In groups: write /tanya and the question, mention @{bot}, or reply to my message.\n"
        "In any chat: type @{bot} and the question, then pick the answer.\n\n"
        'Under each answer: 👍 or 👎 to rate it, and "{more}" for more quotes.\n\n'
        "/summary: the gist of the news, from several outlets\n"
        "/timeline: what happened when, with the dates\n"
        "/sumber: the articles I have read\n"
        "/lupakan: delete everything I keep about you\n"
        "/help: this message",
        "sources_intro": "The articles I have read:",
        "slow_down": "Slow down a little: at most {limit} questions a minute. Wait a moment, then ask again.",
        "non_text": "I can only read questions typed as text. Please type your question.",
        "feedback_up": "Thanks for rating!",
        "feedback_down": "Thanks, your feedback is noted.",
        "more_button": "More",
        "error": "Sorry, something went wrong on my side. Please try again in a moment.",
        "forget_done": "Deleted: the questions, ratings and conversation I kept about you.",
        "forget_unavailable": "Sorry, my storage cannot be opened right now, so there is "
        "nothing I can delete yet. Please try again later.",
        "forget_nothing_linked": "Deleted the conversation I remembered with you. What I store "
        "carries no one's identity, so nothing in it can be linked to you.",
        "button_expired": "This button has expired. Please ask again.",
        "button_unknown": "Sorry, I do not recognise this button.",
        "tanya_usage": "Write the question after /tanya, for example:\n/tanya {example}",
        "cmd_start": "Start, with example questions",
        "cmd_tanya": "Ask a question (in groups)",
        "cmd_sumber": "The articles I have read",
        "cmd_help": "How to use this bot",
        "cmd_lupakan": "Delete all your data",
        "cmd_ringkasan": "The gist of the news",
        "cmd_kronologi": "What happened when",
        "summary_button": "Summary",
    },
}


def text(language: str, key: str, **values: object) -> str:
    """The message `key` in `language` (falling back to Indonesian), with values filled in."""
    table = TEXT.get(language, TEXT["id"])
    template = table.get(key, TEXT["id"][key])
    return template.format(**values) if values else template


def what_label(language: str, what: str) -> str:
    """The word for what two sources differ on ("tanggal", "jam", "angka"; the kind as given
    when there is none for it)."""
    key = f"what_{what}"
    return text(language, key) if key in TEXT["id"] else what


_MONTHS = {
    "id": "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember",
    "en": "January February March April May June July August September October November December",
}


def format_date(iso: str, language: str) -> str:
    """ "2019-04-25" as "25 April 2019" in the reader's language; anything else unchanged."""
    try:
        year, month, day = (int(part) for part in iso.split("-"))
        name = _MONTHS.get(language, _MONTHS["id"]).split()[month - 1]
    except (ValueError, IndexError):
        return iso
    return f"{day} {name} {year}"
