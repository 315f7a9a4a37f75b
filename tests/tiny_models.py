"""Tiny random-weight seq2seq checkpoints, laid out exactly like real Hugging Face checkpoints.

They go through the same loading code as opus-mt-zh-en or a T5/BART summarizer: weights and
config from `save_pretrained`, tokenizer files a real checkpoint ships (Marian: source.spm,
target.spm, vocab.json, tokenizer_config.json; T5: spiece.model + tokenizer files; BART:
tokenizer.json), and sentencepiece models trained in about a second on the sample page plus some
English written for this file. Outputs are random but deterministic (fixed seeds); tests assert on
structure and invariants, never on wording.

Builders only need torch, transformers and sentencepiece; `convert_ct2` needs ctranslate2.
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SAMPLE_PAGE = REPO / "samples" / "yiwu-front-page.txt"

# Written for these fixtures (not taken from any corpus): enough English for a small vocabulary.
ENGLISH_TEXT = """\
The city council approved a new plan to expand the public market next spring.
Traders said the number of foreign buyers had doubled over the past two years.
More than two million kinds of goods are sold in the market every day.
The county government will build three new logistics centres along the railway.
Officials expect exports to grow by eight percent this year despite weak demand.
A delegation of business leaders visited the trade fair on Tuesday morning.
Farmers in the nearby villages have started selling fruit and tea online.
The new high-speed railway line cut the journey to Shanghai to ninety minutes.
Local schools are hiring more teachers to meet the needs of a growing population.
The report says small companies created most of the new jobs in the region.
Reporters asked the mayor how the city would keep housing prices stable.
She said the government would support young people who start their own businesses.
Heavy rain closed several roads, but the port continued to operate normally.
The museum opened an exhibition on the history of the silk trade.
Experts warned that rising costs could hurt manufacturers in the coming months.
The company signed contracts worth four hundred million yuan at the conference.
Volunteers helped elderly residents register for the new health insurance scheme.
The province plans to plant one hundred thousand trees along the river banks.
Investors from Africa and the Middle East showed strong interest in the products.
The committee will publish its final decision at the end of the month.
Prices of vegetables fell slightly after the harvest came in earlier than usual.
A new bridge connecting the two districts is expected to open in October.
The factory uses solar panels on its roof to cut its electricity bill by a third.
Students from twenty countries took part in the summer language programme.
The police urged drivers to slow down during the holiday travel season.
""".strip()

SPECIALS = ("</s>", "<unk>", "<pad>")


def _quiet() -> None:
    from summarize.engines.hf_backend import quiet_transformers

    quiet_transformers()


def sample_text() -> tuple[list[str], list[str]]:
    """(Chinese lines of the sample page, English lines) for training tokenizers."""
    chinese = [line.strip() for line in SAMPLE_PAGE.read_text(encoding="utf-8").splitlines() if line.strip()]
    return chinese, ENGLISH_TEXT.splitlines()


def train_sentencepiece(lines: list[str], vocab_size: int, **options) -> bytes:
    """A unigram sentencepiece model trained on `lines`, as the bytes of a .model file."""
    import sentencepiece as spm

    model = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(lines),
        model_writer=model,
        vocab_size=vocab_size,
        model_type="unigram",
        character_coverage=0.98,
        hard_vocab_limit=False,
        num_threads=1,
        minloglevel=2,
        **options,
    )
    return model.getvalue()


def _pieces(model: bytes) -> list[str]:
    import sentencepiece as spm

    sp = spm.SentencePieceProcessor(model_proto=model)
    return [sp.id_to_piece(i) for i in range(sp.get_piece_size())]


def build_marian(
    out: Path,
    *,
    d_model: int = 32,
    layers: int = 2,
    heads: int = 4,
    ffn: int = 64,
    max_positions: int = 64,
    vocab_size: int = 1000,
    seed: int = 0,
    loop: bool = False,
    separate_vocabs: bool = False,
    pad_forbidden: bool = True,
) -> Path:
    """A MarianMT checkpoint (zh -> en) with opus-mt's file layout and special-token ids.

    `loop`: bias the output layer so that greedy decoding repeats "▁the" forever (a forced
    repetition loop, for testing loop detection and the beam-search retry).
    `separate_vocabs`: source and target vocabularies of their own (vocab.json and
    target_vocab.json, untied encoder and decoder embeddings), as some opus-mt models have.
    `pad_forbidden=False`: a generation config that does not forbid <pad> (opus-mt's does), and
    <pad> made the likeliest output, so that a backend which does not forbid it emits it."""
    _quiet()
    import torch
    from transformers import MarianConfig, MarianMTModel

    vocab = write_marian_tokenizer(out, vocab_size=vocab_size, model_max_length=max_positions, separate_vocabs=separate_vocabs)
    pad = vocab["<pad>"]
    config = MarianConfig(
        vocab_size=len(vocab),
        share_encoder_decoder_embeddings=not separate_vocabs,
        d_model=d_model,
        encoder_layers=layers,
        decoder_layers=layers,
        encoder_attention_heads=heads,
        decoder_attention_heads=heads,
        encoder_ffn_dim=ffn,
        decoder_ffn_dim=ffn,
        max_position_embeddings=max_positions,
        activation_function="swish",
        scale_embedding=True,
        pad_token_id=pad,
        decoder_start_token_id=pad,
        eos_token_id=0,
        forced_eos_token_id=0,
        init_std=0.5,
        architectures=["MarianMTModel"],
    )
    torch.manual_seed(seed)
    model = MarianMTModel(config).eval()
    favoured = [vocab["\u2581the"]] if loop else []
    if pad_forbidden:
        model.generation_config.bad_words_ids = [[pad]]
    else:
        favoured.append(pad)
    with torch.no_grad():
        model.final_logits_bias[0, favoured] = 50.0
    model.save_pretrained(out)
    return out


def write_marian_tokenizer(
    out: Path, *, vocab_size: int = 1000, total: int | None = None, model_max_length: int = 512, separate_vocabs: bool = False
) -> dict[str, int]:
    """source.spm (Chinese + English), target.spm (English), vocab.json in the opus-mt layout
    (</s>=0, <unk>=1, both sides' pieces, <pad> last), tokenizer_config.json. `total`: pad the
    vocabulary with unused entries to this size (a real checkpoint's embedding rows).
    `separate_vocabs`: vocab.json holds the source pieces only and target_vocab.json the target
    pieces, padded to the same size (Marian's converter needs equal sizes, <pad> last in both).
    Returns the vocabulary of the output side."""
    from transformers import MarianTokenizer

    out.mkdir(parents=True, exist_ok=True)
    chinese, english = sample_text()
    source_spm = train_sentencepiece(chinese + english, vocab_size)
    target_spm = train_sentencepiece(english, 300)
    (out / "source.spm").write_bytes(source_spm)
    (out / "target.spm").write_bytes(target_spm)
    if separate_vocabs:
        vocab = _marian_vocab(_pieces(source_spm), total)
        target = _marian_vocab(_pieces(target_spm), len(vocab))
        (out / "target_vocab.json").write_text(json.dumps(target, ensure_ascii=False, indent=2), encoding="utf-8")
    else:
        vocab = target = _marian_vocab(_pieces(source_spm) + _pieces(target_spm), total)
    (out / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False, indent=2), encoding="utf-8")
    tokenizer = MarianTokenizer(
        source_spm=str(out / "source.spm"),
        target_spm=str(out / "target.spm"),
        vocab=str(out / "vocab.json"),
        target_vocab_file=str(out / "target_vocab.json") if separate_vocabs else None,
        separate_vocabs=separate_vocabs,
        source_lang="zho",
        target_lang="eng",
        model_max_length=model_max_length,
    )
    tokenizer.save_pretrained(out)
    return target


def _marian_vocab(pieces: list[str], total: int | None) -> dict[str, int]:
    """</s>=0, <unk>=1, the pieces, unused entries up to `total`, <pad> last."""
    vocab = {"</s>": 0, "<unk>": 1}
    for piece in pieces:
        if piece not in vocab and piece not in ("<s>", "<unk>", "</s>"):
            vocab[piece] = len(vocab)
    while total is not None and len(vocab) < total - 1:
        vocab[f"\u2581filler{len(vocab)}"] = len(vocab)
    vocab["<pad>"] = len(vocab)
    return vocab


def build_t5(
    out: Path,
    *,
    family: str = "t5",
    d_model: int = 32,
    layers: int = 2,
    heads: int = 4,
    ffn: int = 64,
    vocab_size: int = 1000,
    extra_ids: int = 8,
    padded_vocab: int = 4,
    seed: int = 0,
    decoder_layers: int | None = None,
) -> Path:
    """A T5-family summarizer checkpoint in the layout of the older hub checkpoints (spiece.model +
    tokenizer_config.json, no tokenizer.json). Like the real ones: <pad>=0 (decoder start), </s>=1,
    <unk>=2, sentinel tokens after the pieces, an embedding matrix padded past the tokenizer.

    family="t5": original T5 (ReLU feed-forward, output embedding tied to the input, decoder
    output scaled by d_model**-0.5); family="mt5": mT5 / T5 v1.1 (gated-gelu, untied, unscaled).
    `decoder_layers`: a decoder of another depth than the encoder (num_decoder_layers)."""
    _quiet()
    pieces = write_t5_tokenizer(out, vocab_size=vocab_size, extra_ids=extra_ids)
    mt5 = family == "mt5"
    config = dict(
        model_type=family,
        vocab_size=pieces + extra_ids + padded_vocab,
        d_model=d_model,
        d_kv=d_model // heads,
        d_ff=ffn,
        num_layers=layers,
        num_decoder_layers=decoder_layers or layers,
        num_heads=heads,
        feed_forward_proj="gated-gelu" if mt5 else "relu",
        tie_word_embeddings=not mt5,
        decoder_start_token_id=0,
        pad_token_id=0,
        eos_token_id=1,
        initializer_factor=4.0,
        architectures=["MT5ForConditionalGeneration" if mt5 else "T5ForConditionalGeneration"],
    )
    save_random_model(config, out, seed=seed)
    return out


def write_t5_tokenizer(out: Path, *, vocab_size: int = 1000, extra_ids: int = 8) -> int:
    """spiece.model (<pad>=0, </s>=1, <unk>=2), tokenizer_config.json, special_tokens_map.json, as
    the older T5/mT5 hub checkpoints have them; returns the number of sentencepiece pieces."""
    out.mkdir(parents=True, exist_ok=True)
    chinese, english = sample_text()
    spiece = train_sentencepiece(
        chinese + english,
        vocab_size,
        pad_id=0,
        eos_id=1,
        unk_id=2,
        bos_id=-1,
        pad_piece="<pad>",
        eos_piece="</s>",
        unk_piece="<unk>",
    )
    (out / "spiece.model").write_bytes(spiece)
    tokenizer_config = {"tokenizer_class": "T5Tokenizer", "extra_ids": extra_ids, "model_max_length": 512}
    (out / "tokenizer_config.json").write_text(json.dumps(tokenizer_config, indent=2), encoding="utf-8")
    specials = {"eos_token": "</s>", "unk_token": "<unk>", "pad_token": "<pad>"}
    (out / "special_tokens_map.json").write_text(json.dumps(specials, indent=2), encoding="utf-8")
    return len(_pieces(spiece))


def build_bart(
    out: Path,
    *,
    d_model: int = 32,
    layers: int = 2,
    heads: int = 4,
    ffn: int = 64,
    max_positions: int = 128,
    vocab_size: int = 1000,
    padded_vocab: int = 16,
    seed: int = 0,
    family: str = "bart",
    bert_vocab: bool = False,
) -> Path:
    """A Chinese BART summarizer in the Randeng/fnlp layout: tokenizer.json (unigram) with
    <s>=0, <pad>=1, </s>=2, <unk>=3, and an embedding matrix larger than the tokenizer
    (`padded_vocab` unused rows), as several real Chinese BART checkpoints have.

    family="mbart": an mBART zh -> en translator (pre-norm; MBartTokenizer with its language
    codes; generation forced to start with en_XX, as mBART-50 is used).
    `bert_vocab`: the layout of fnlp/bart-base-chinese and its fine-tunes: a BERT vocab.txt
    ([PAD]=0, [UNK]=100, [CLS]=101 as bos, [SEP]=102 as eos and decoder start; no <s> or </s>),
    no tokenizer.json, weights in pytorch_model.bin."""
    _quiet()
    import torch
    from transformers import AutoConfig, AutoModelForSeq2SeqLM

    specials = dict(bos_token_id=0, pad_token_id=1, eos_token_id=2, decoder_start_token_id=2, forced_eos_token_id=2)
    extra = {}
    if family == "mbart":
        vocab = write_mbart_tokenizer(out, vocab_size=vocab_size, model_max_length=max_positions)
        size = len(vocab)
        extra = dict(scale_embedding=True)
    elif bert_vocab:
        size = write_bert_tokenizer(out, model_max_length=max_positions)
        specials = dict(bos_token_id=101, pad_token_id=0, eos_token_id=102, decoder_start_token_id=102, forced_eos_token_id=102)
        extra = dict(tokenizer_class="BertTokenizer")
    else:
        size = write_bart_tokenizer(out, vocab_size=vocab_size, model_max_length=max_positions)
    config = AutoConfig.for_model(
        family,
        vocab_size=size + padded_vocab,
        d_model=d_model,
        encoder_layers=layers,
        decoder_layers=layers,
        encoder_attention_heads=heads,
        decoder_attention_heads=heads,
        encoder_ffn_dim=ffn,
        decoder_ffn_dim=ffn,
        max_position_embeddings=max_positions,
        init_std=0.5,
        architectures=["MBartForConditionalGeneration" if family == "mbart" else "BartForConditionalGeneration"],
        **specials,
        **extra,
    )
    torch.manual_seed(seed)
    model = AutoModelForSeq2SeqLM.from_config(config).eval()
    if family == "mbart":
        model.generation_config.forced_bos_token_id = vocab["en_XX"]
    model.save_pretrained(out)
    if bert_vocab:
        _resave_as_pytorch_bin(out)
    return out


def _bart_pieces(vocab_size: int) -> list[tuple[str, float]]:
    """(piece, score) of a unigram model trained on the sample text: <s>=0, <pad>=1, </s>=2, <unk>=3."""
    import sentencepiece as spm

    chinese, english = sample_text()
    model_bytes = train_sentencepiece(
        chinese + english,
        vocab_size,
        bos_id=0,
        pad_id=1,
        eos_id=2,
        unk_id=3,
        bos_piece="<s>",
        pad_piece="<pad>",
        eos_piece="</s>",
        unk_piece="<unk>",
    )
    sp = spm.SentencePieceProcessor(model_proto=model_bytes)
    return [(sp.id_to_piece(i), sp.get_score(i)) for i in range(sp.get_piece_size())]


def write_bart_tokenizer(out: Path, *, vocab_size: int = 1000, model_max_length: int = 1024) -> int:
    """tokenizer.json (sentencepiece unigram pieces; <s>=0, <pad>=1, </s>=2, <unk>=3; encodes as
    <s> ... </s>) + tokenizer_config.json; returns the vocabulary size."""
    from tokenizers import Tokenizer, decoders, pre_tokenizers, processors
    from tokenizers.models import Unigram
    from transformers import PreTrainedTokenizerFast

    out.mkdir(parents=True, exist_ok=True)
    vocab = _bart_pieces(vocab_size)
    backend = Tokenizer(Unigram(vocab, unk_id=3, byte_fallback=False))
    backend.pre_tokenizer = pre_tokenizers.Metaspace(replacement="\u2581", prepend_scheme="always")
    backend.decoder = decoders.Metaspace(replacement="\u2581", prepend_scheme="always")
    backend.post_processor = processors.TemplateProcessing(single="<s> $A </s>", special_tokens=[("<s>", 0), ("</s>", 2)])
    tokenizer = PreTrainedTokenizerFast(
        tokenizer_object=backend,
        bos_token="<s>",
        eos_token="</s>",
        pad_token="<pad>",
        unk_token="<unk>",
        model_max_length=model_max_length,
    )
    tokenizer.save_pretrained(out)
    return len(vocab)


def write_mbart_tokenizer(out: Path, *, vocab_size: int = 1000, model_max_length: int = 1024) -> dict[str, int]:
    """An MBartTokenizer (zh_CN -> en_XX; encodes as ... </s> zh_CN) over unigram pieces, the
    language codes after them; returns its vocabulary."""
    from transformers import MBartTokenizer

    tokenizer = MBartTokenizer(vocab=_bart_pieces(vocab_size), src_lang="zh_CN", tgt_lang="en_XX", model_max_length=model_max_length)
    tokenizer.save_pretrained(out)
    return tokenizer.get_vocab()


def write_bert_tokenizer(out: Path, *, model_max_length: int = 512) -> int:
    """vocab.txt in bert-base-chinese's layout ([PAD]=0, [unused1-99], [UNK]=100, [CLS]=101,
    [SEP]=102, [MASK]=103, then the sample's characters and English words and word pieces),
    tokenizer_config.json and special_tokens_map.json; returns the vocabulary size."""
    out.mkdir(parents=True, exist_ok=True)
    chinese, english = sample_text()
    tokens = ["[PAD]", *(f"[unused{i}]" for i in range(1, 100)), "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
    tokens += sorted({char for line in chinese for char in line if not char.isspace()})
    tokens += sorted({word for line in english for word in re.findall(r"[a-z]+|\d+|[^\w\s]", line.lower())})
    tokens += [piece for char in "abcdefghijklmnopqrstuvwxyz0123456789" for piece in (char, f"##{char}")]
    tokens = list(dict.fromkeys(tokens))
    (out / "vocab.txt").write_text("\n".join(tokens) + "\n", encoding="utf-8")
    tokenizer_config = {"tokenizer_class": "BertTokenizer", "do_lower_case": True, "model_max_length": model_max_length}
    (out / "tokenizer_config.json").write_text(json.dumps(tokenizer_config, indent=2), encoding="utf-8")
    specials = {"unk_token": "[UNK]", "sep_token": "[SEP]", "pad_token": "[PAD]", "cls_token": "[CLS]", "mask_token": "[MASK]"}
    (out / "special_tokens_map.json").write_text(json.dumps(specials, indent=2), encoding="utf-8")
    return len(tokens)


def _resave_as_pytorch_bin(out: Path) -> None:
    """model.safetensors -> pytorch_model.bin (the weight file of checkpoints saved before 2023)."""
    import torch
    from safetensors.torch import load_file

    torch.save(load_file(str(out / "model.safetensors")), out / "pytorch_model.bin")
    (out / "model.safetensors").unlink()


def build_from_card(name: str, out: Path, *, seed: int = 0) -> Path:
    """A random-weight checkpoint with exactly the architecture of model card `name`
    (models/<name>.config.json) and a small tokenizer of the card's layout: the real model's speed
    and memory when the output length is forced (benchmarks), without downloading it."""
    _quiet()
    from summarize.engines.cards import require_card

    card = require_card(name)
    config = card.architecture_config()
    if card.task == "chat":
        save_random_chat_model(config, out, seed=seed)
        return out
    if card.family == "marian":
        write_marian_tokenizer(out, total=config["vocab_size"], model_max_length=card.max_input_tokens)
    elif card.family in ("t5", "mt5", "umt5"):
        write_t5_tokenizer(out)
    else:
        write_bart_tokenizer(out, model_max_length=card.max_input_tokens)
    save_random_model(config, out, seed=seed)
    return out


def save_random_chat_model(config: dict, out: Path, *, seed: int = 0) -> None:
    """A random decoder-only model of `config` (bfloat16, as such checkpoints ship: half the
    memory of float32 while building) with the fixtures' small byte-level tokenizer and chat
    template; the embedding rows past the tokenizer are never used."""
    import torch
    from transformers import AutoConfig, AutoModelForCausalLM

    tokenizer = write_qwen_tokenizer(out)
    ids = tokenizer.convert_tokens_to_ids(list(CHAT_SPECIALS))
    torch.manual_seed(seed)
    settings = {**config, "bos_token_id": ids[0], "eos_token_id": ids[2], "pad_token_id": ids[0]}
    model = AutoModelForCausalLM.from_config(AutoConfig.for_model(**settings), dtype=torch.bfloat16).eval()
    model.generation_config.eos_token_id = [ids[2], ids[0]]
    model.save_pretrained(out)


def save_random_model(config: dict, out: Path, *, seed: int = 0) -> None:
    """`random_model(config)` saved to `out`; config.json keeps tie_word_embeddings=false when the
    config says so, as real mT5 checkpoints have it (transformers 5 would write true)."""
    import torch

    torch.manual_seed(seed)
    random_model(config).save_pretrained(out)
    if not config.get("tie_word_embeddings", True):
        saved = json.loads((out / "config.json").read_text(encoding="utf-8"))
        (out / "config.json").write_text(json.dumps({**saved, "tie_word_embeddings": False}, indent=2), encoding="utf-8")


def random_model(config: dict):
    """A randomly initialised model for a config.json dict, with the output embedding untied when
    the config says so (transformers 5 ties every (m)T5 at init; real mT5 has its own)."""
    import torch
    from transformers import AutoConfig, AutoModelForCausalLM, AutoModelForSeq2SeqLM

    causal = any(str(name).endswith("ForCausalLM") for name in config.get("architectures", []))
    model = (AutoModelForCausalLM if causal else AutoModelForSeq2SeqLM).from_config(AutoConfig.for_model(**config)).eval()
    head = model.get_output_embeddings()
    if not config.get("tie_word_embeddings", True) and head is not None and head.weight is model.get_input_embeddings().weight:
        head.weight = torch.nn.Parameter(torch.empty_like(head.weight).normal_(0, config.get("d_model", 512) ** -0.5))
    return model


def build_gpt2(out: Path) -> Path:
    """A causal LM (not seq2seq): what a user might wrongly pass as --translator."""
    _quiet()
    import torch
    from transformers import GPT2Config, GPT2LMHeadModel

    out.mkdir(parents=True, exist_ok=True)
    torch.manual_seed(0)
    GPT2LMHeadModel(GPT2Config(vocab_size=64, n_embd=16, n_layer=1, n_head=2, n_positions=32)).save_pretrained(out)
    return out


def convert_ct2(hf_dir: Path, out: Path, quantization: str = "int8") -> Path:
    """Convert with the project's own converter (the path `summarize models convert` takes)."""
    from summarize.engines.convert import convert

    return convert(hf_dir, out, quantization=quantization)


# --- decoder-only chat models (Qwen2 layout) --------------------------------------------------

# A ChatML template written for these fixtures (the format Qwen2.5 uses): system, user and
# assistant turns between <|im_start|> and <|im_end|>.
CHATML_TEMPLATE = (
    "{% for message in messages %}"
    "{{ '<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n' }}"
    "{% endfor %}"
    "{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}"
)
CHAT_SPECIALS = ("<|endoftext|>", "<|im_start|>", "<|im_end|>")
QWEN2_SPLIT = r"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+"


def write_qwen_tokenizer(out: Path, *, vocab_size: int = 800):
    """A byte-level BPE tokenizer.json trained on the sample page, the fixtures' English and the
    packaged prompts, with Qwen2's special tokens (<|endoftext|> pad, <|im_end|> eos) and the
    ChatML template; returns the transformers tokenizer."""
    from tokenizers import Regex, Tokenizer, decoders, models, pre_tokenizers, trainers
    from transformers import PreTrainedTokenizerFast

    out.mkdir(parents=True, exist_ok=True)
    chinese, english = sample_text()
    prompts = (REPO / "prompts" / "chat.toml").read_text(encoding="utf-8").splitlines()
    backend = Tokenizer(models.BPE())
    # Qwen2's pre-tokenizer: its split pattern (digits one by one), then byte-level.
    backend.pre_tokenizer = pre_tokenizers.Sequence(
        [
            pre_tokenizers.Split(Regex(QWEN2_SPLIT), behavior="isolated"),
            pre_tokenizers.ByteLevel(add_prefix_space=False, use_regex=False),
        ]
    )
    backend.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(
        vocab_size=vocab_size, special_tokens=list(CHAT_SPECIALS), initial_alphabet=pre_tokenizers.ByteLevel.alphabet(), show_progress=False
    )
    backend.train_from_iterator(chinese + english + prompts, trainer)
    tokenizer = PreTrainedTokenizerFast(
        tokenizer_object=backend, eos_token="<|im_end|>", pad_token="<|endoftext|>", chat_template=CHATML_TEMPLATE, model_max_length=2048
    )
    tokenizer.save_pretrained(out)
    return tokenizer


def build_qwen2(out: Path, *, hidden: int = 32, layers: int = 2, heads: int = 4, kv_heads: int = 2, ffn: int = 64, seed: int = 0, padded_vocab: int = 8) -> Path:
    """A Qwen2 chat checkpoint (Qwen2ForCausalLM, grouped-query attention with biases, an
    embedding matrix with rows past the tokenizer as Qwen2.5 has) with tokenizer.json, the chat
    template and a generation config that stops at <|im_end|> or <|endoftext|>."""
    _quiet()
    import torch
    from transformers import Qwen2Config, Qwen2ForCausalLM

    tokenizer = write_qwen_tokenizer(out)
    ids = tokenizer.convert_tokens_to_ids(list(CHAT_SPECIALS))
    config = Qwen2Config(
        vocab_size=len(tokenizer) + padded_vocab,
        hidden_size=hidden,
        intermediate_size=ffn,
        num_hidden_layers=layers,
        num_attention_heads=heads,
        num_key_value_heads=kv_heads,
        max_position_embeddings=2048,
        bos_token_id=ids[0],
        eos_token_id=ids[2],
        pad_token_id=ids[0],
        tie_word_embeddings=False,
        initializer_range=0.5,
        architectures=["Qwen2ForCausalLM"],
    )
    torch.manual_seed(seed)
    model = Qwen2ForCausalLM(config).eval()
    with torch.no_grad():
        # Weights a bfloat16 checkpoint holds exactly (as one dequantized from GGUF is saved), so
        # that the checkpoint and a GGUF file made from it convert to the same model.
        for parameter in model.parameters():
            parameter.copy_(parameter.to(torch.bfloat16).to(torch.float32))
    model.generation_config.eos_token_id = [ids[2], ids[0]]
    model.save_pretrained(out)
    return out


def write_qwen2_gguf(hf_dir: Path, out: Path) -> Path:
    """The Qwen2 checkpoint in `hf_dir` as a GGUF file (float32 tensors, llama.cpp tensor names,
    the tokenizer as GGUF metadata: byte-level tokens, merges, special ids, chat template), written
    with the `gguf` package: what Ollama or LM Studio keep on disk, for `models convert X.gguf`."""
    import gguf
    import numpy as np
    from safetensors.numpy import load_file

    config = json.loads((hf_dir / "config.json").read_text(encoding="utf-8"))
    tokenizer = json.loads((hf_dir / "tokenizer.json").read_text(encoding="utf-8"))
    writer = gguf.GGUFWriter(str(out), "qwen2")
    writer.add_name("tiny-qwen2")
    writer.add_context_length(config["max_position_embeddings"])
    writer.add_embedding_length(config["hidden_size"])
    writer.add_block_count(config["num_hidden_layers"])
    writer.add_feed_forward_length(config["intermediate_size"])
    writer.add_head_count(config["num_attention_heads"])
    writer.add_head_count_kv(config["num_key_value_heads"])
    writer.add_rope_freq_base(float(config.get("rope_theta") or config.get("rope_parameters", {}).get("rope_theta", 10000.0)))
    writer.add_layer_norm_rms_eps(config["rms_norm_eps"])
    vocab = tokenizer["model"]["vocab"]
    added = {token["content"]: token["id"] for token in tokenizer["added_tokens"]}
    tokens = [""] * config["vocab_size"]
    for token, index in {**vocab, **added}.items():
        tokens[index] = token
    types = [gguf.TokenType.CONTROL if t in added else gguf.TokenType.NORMAL for t in tokens]
    for index, token in enumerate(tokens):
        if not token:
            tokens[index], types[index] = f"[PAD{index}]", gguf.TokenType.UNUSED
    merges = [m if isinstance(m, str) else " ".join(m) for m in tokenizer["model"]["merges"]]
    writer.add_tokenizer_model("gpt2")
    writer.add_tokenizer_pre("qwen2")
    writer.add_token_list(tokens)
    writer.add_token_types(types)
    writer.add_token_merges(merges)
    writer.add_eos_token_id(added["<|im_end|>"])
    writer.add_bos_token_id(added["<|endoftext|>"])
    writer.add_pad_token_id(added["<|endoftext|>"])
    writer.add_chat_template(CHATML_TEMPLATE)
    names = {
        "model.embed_tokens.weight": "token_embd.weight",
        "model.norm.weight": "output_norm.weight",
        "lm_head.weight": "output.weight",
    }
    per_layer = {
        "input_layernorm.weight": "attn_norm.weight",
        "post_attention_layernorm.weight": "ffn_norm.weight",
        "self_attn.q_proj.weight": "attn_q.weight",
        "self_attn.q_proj.bias": "attn_q.bias",
        "self_attn.k_proj.weight": "attn_k.weight",
        "self_attn.k_proj.bias": "attn_k.bias",
        "self_attn.v_proj.weight": "attn_v.weight",
        "self_attn.v_proj.bias": "attn_v.bias",
        "self_attn.o_proj.weight": "attn_output.weight",
        "mlp.gate_proj.weight": "ffn_gate.weight",
        "mlp.up_proj.weight": "ffn_up.weight",
        "mlp.down_proj.weight": "ffn_down.weight",
    }
    for layer in range(config["num_hidden_layers"]):
        names.update({f"model.layers.{layer}.{hf}": f"blk.{layer}.{gg}" for hf, gg in per_layer.items()})
    for name, tensor in load_file(str(hf_dir / "model.safetensors")).items():
        writer.add_tensor(names[name], np.ascontiguousarray(tensor, dtype=np.float32))
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()
    return out
