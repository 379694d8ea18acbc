"""Writes the tiny ONNX BERT fixtures of OnnxBertConverterTest, as PyTorch exports them.

The module mirrors Hugging Face's BertModel (modeling_bert.py: module names, [out, in] Linear
weights, position_ids buffer, additive attention mask, tanh pooler on the first token), with every
weight random (LayerNorm included) so a transposed or misnamed tensor shows. For each fixture it
writes NAME.onnx (torch.onnx.export, opset 11, dynamic batch and sequence), NAME.safetensors
(the module's float state dict: what the conversion must give) and NAME-outputs.json (PyTorch's
outputs on a padded batch of token ids: what a run of the graph must give).

  /usr/bin/python3 make_tiny_bert_onnx.py   (torch 1.13; writes into this directory)
"""
import json, math, os, struct
import torch
from torch import nn

HERE = os.path.dirname(os.path.abspath(__file__))


class NewGelu(nn.Module):  # Hugging Face's gelu_new: the tanh approximation
    def forward(self, x):
        return 0.5 * x * (1.0 + torch.tanh(math.sqrt(2.0 / math.pi) * (x + 0.044715 * torch.pow(x, 3.0))))


class Erf(nn.Module):  # Hugging Face's gelu: exact, with erf
    def forward(self, x):
        return 0.5 * x * (1.0 + torch.erf(x / math.sqrt(2.0)))


class Embeddings(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.word_embeddings = nn.Embedding(c["vocab"], c["hidden"])
        self.position_embeddings = nn.Embedding(c["positions"], c["hidden"])
        self.token_type_embeddings = nn.Embedding(c["types"], c["hidden"])
        self.LayerNorm = nn.LayerNorm(c["hidden"], eps=c["eps"])
        self.register_buffer("position_ids", torch.arange(c["positions"]).expand((1, -1)))

    def forward(self, ids, types):
        positions = self.position_ids[:, : ids.shape[1]]
        x = self.word_embeddings(ids) + self.token_type_embeddings(types) + self.position_embeddings(positions)
        return self.LayerNorm(x)


class SelfAttention(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.heads, self.size = c["heads"], c["hidden"] // c["heads"]
        self.query = nn.Linear(c["hidden"], c["hidden"])
        self.key = nn.Linear(c["hidden"], c["hidden"])
        self.value = nn.Linear(c["hidden"], c["hidden"])

    def split(self, x):
        return x.view(x.size()[:-1] + (self.heads, self.size)).permute(0, 2, 1, 3)

    def forward(self, x, mask):
        q, k, v = self.split(self.query(x)), self.split(self.key(x)), self.split(self.value(x))
        scores = torch.matmul(q, k.transpose(-1, -2)) / math.sqrt(self.size) + mask
        context = torch.matmul(torch.softmax(scores, dim=-1), v).permute(0, 2, 1, 3).contiguous()
        return context.view(context.size()[:-2] + (self.heads * self.size,))


class DenseNorm(nn.Module):  # BertSelfOutput and BertOutput: dense, residual, LayerNorm
    def __init__(self, inputs, c):
        super().__init__()
        self.dense = nn.Linear(inputs, c["hidden"])
        self.LayerNorm = nn.LayerNorm(c["hidden"], eps=c["eps"])

    def forward(self, x, residual):
        return self.LayerNorm(self.dense(x) + residual)


class Attention(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.self = SelfAttention(c)
        self.output = DenseNorm(c["hidden"], c)

    def forward(self, x, mask):
        return self.output(self.self(x, mask), x)


class Intermediate(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.dense = nn.Linear(c["hidden"], c["intermediate"])
        self.act = Erf() if c["act"] == "gelu" else NewGelu()

    def forward(self, x):
        return self.act(self.dense(x))


class Layer(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.attention = Attention(c)
        self.intermediate = Intermediate(c)
        self.output = DenseNorm(c["intermediate"], c)

    def forward(self, x, mask):
        a = self.attention(x, mask)
        return self.output(self.intermediate(a), a)


class Encoder(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.layer = nn.ModuleList([Layer(c) for _ in range(c["layers"])])

    def forward(self, x, mask):
        for layer in self.layer:
            x = layer(x, mask)
        return x


class Pooler(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.dense = nn.Linear(c["hidden"], c["hidden"])

    def forward(self, x):
        return torch.tanh(self.dense(x[:, 0]))


class BertModel(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.embeddings = Embeddings(c)
        self.encoder = Encoder(c)
        self.pooler = Pooler(c) if c["pooler"] else None

    def forward(self, input_ids, attention_mask, token_type_ids):
        mask = (1.0 - attention_mask[:, None, None, :].float()) * torch.finfo(torch.float32).min
        x = self.encoder(self.embeddings(input_ids, token_type_ids), mask)
        return (x, self.pooler(x)) if self.pooler is not None else (x,)


def write_safetensors(path, tensors):
    header, blobs, offset = {}, [], 0
    for name in sorted(tensors):
        raw = tensors[name].detach().contiguous().numpy().tobytes()
        header[name] = {"dtype": "F32", "shape": list(tensors[name].shape), "data_offsets": [offset, offset + len(raw)]}
        blobs.append(raw)
        offset += len(raw)
    h = json.dumps(header, separators=(",", ":")).encode()
    h += b" " * (-len(h) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(h)) + h + b"".join(blobs))


def make(name, c, seed):
    torch.manual_seed(seed)
    model = BertModel(c).eval()
    with torch.no_grad():
        for p in model.parameters():
            p.normal_(0.0, 0.3)
    ids = torch.tensor([[2, 5, 7, 3, 0], [2, 9, 3, 0, 0]])
    mask = (ids != 0).long()
    outputs = ["last_hidden_state"] + (["pooler_output"] if c["pooler"] else [])
    dynamic = {n: {0: "batch", 1: "sequence"} for n in ["input_ids", "attention_mask", "token_type_ids", "last_hidden_state"]}
    torch.onnx.export(model, (ids, mask, torch.zeros_like(ids)), os.path.join(HERE, name + ".onnx"),
                      input_names=["input_ids", "attention_mask", "token_type_ids"], output_names=outputs,
                      dynamic_axes=dynamic, opset_version=11, do_constant_folding=True)
    state = {k: v for k, v in model.state_dict().items() if v.dtype == torch.float32}
    write_safetensors(os.path.join(HERE, name + ".safetensors"), state)
    ids = torch.tensor([[2, 11, 17, 5, 23, 39, 3], [2, 8, 3, 0, 0, 0, 0], [2, 30, 31, 3, 4, 6, 3]])
    mask = (ids != 0).long()
    types = torch.tensor([[0] * 7, [0] * 7, [0, 0, 0, 0, 1, 1, 1]])
    with torch.no_grad():
        out = model(ids, mask, types)
    record = {"input_ids": ids.tolist(), "attention_mask": mask.tolist(), "token_type_ids": types.tolist(),
              "last_hidden_state": out[0].flatten().tolist()}
    if c["pooler"]:
        record["pooler_output"] = out[1].flatten().tolist()
    with open(os.path.join(HERE, name + "-outputs.json"), "w") as f:
        json.dump(record, f)


BASE = dict(vocab=40, hidden=16, layers=2, heads=4, intermediate=32, positions=24, types=2)
make("tiny-bert-gelu", dict(BASE, act="gelu", eps=1e-12, pooler=True), 1)
make("tiny-bert-gelu-new", dict(BASE, heads=2, layers=3, act="gelu_new", eps=1e-5, pooler=False), 2)
