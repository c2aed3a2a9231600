from app.cli import cli

# Guarded: bulk ingest's worker processes are spawned, and a spawned process imports this module again.
if __name__ == "__main__":
    cli(prog_name="python -m app")
