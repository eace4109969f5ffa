"""The offline skill simulator: type what you'd say to Alexa, see what the skill answers.

- text.py, builtins.py, resolver.py: what Alexa would make of the words (intent, slots, entity
  resolution, built-in intents, invocation phrases), from interaction_models/<locale>.json;
- envelopes.py: request envelopes as Alexa builds them, and a Session that carries them on;
- transport.py: the skill in this process, or a running service over HTTP;
- chat.py, render.py: one person at one device, and what they hear and see;
- replay.py, cli.py: `backpop simulate`, `ask dialog` replay files and skill I/O;
- web.py, static/: the browser page.

It speaks only Alexa's JSON to the skill, so it knows nothing of the skill's internals.
"""
