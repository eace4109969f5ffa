"""The offline skill simulator: resolve typed utterances like Alexa, build envelopes, show replies."""
