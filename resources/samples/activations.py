# TorchScript Studio sample: a script of plain functions.
#
# Build > Compile Script to Module (Ctrl+Shift+B) turns it into a module:
# `forward` becomes the module's forward, the other functions become methods.
# Try it: break a line and watch the diagnostics, type `torch.` for completion.


def swish(x: Tensor, beta: float = 1.0) -> Tensor:
    return x * torch.sigmoid(beta * x)


def layer_norm(x: Tensor, eps: float = 1e-5) -> Tensor:
    mean = x.mean(dim=-1, keepdim=True)
    var = ((x - mean) ** 2).mean(dim=-1, keepdim=True)
    return (x - mean) / torch.sqrt(var + eps)


def forward(x: Tensor) -> Tensor:
    # normalise the last dimension, then a smooth activation
    y = layer_norm(x)
    return swish(y, 1.5)
