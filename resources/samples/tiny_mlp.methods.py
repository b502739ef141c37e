# TorchScript Studio sample: a module written as methods on `self`.
#
# The studio builds sample_model.pt from this file the first time it starts:
# it creates a module, registers the parameters
#     w1 [16, 8], b1 [16], w2 [4, 16], b2 [4]
# (small random values), defines these methods on it and saves it.
# Open sample_model.pt to see the result: its code, its weights in the
# inspector; edit a method, Recompile (Ctrl+B), Save Model as .pt.


def hidden(self, x: Tensor) -> Tensor:
    return torch.relu(torch.matmul(x, self.w1.t()) + self.b1)


def forward(self, x: Tensor) -> Tensor:
    h = self.hidden(x)
    return torch.matmul(h, self.w2.t()) + self.b2
