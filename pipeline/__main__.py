"""``python -m pipeline`` runs the ``decisions`` command."""

from pipeline.cli import main

main()
