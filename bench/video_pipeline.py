"""Benchmark: how fast the video pipeline processes a 60-second 1080p clip.

    .venv/bin/python bench/video_pipeline.py [--segundos 60]

Draws a 1080p test clip with audio (ffmpeg ``testsrc2`` + a tone), then runs the
same ffmpeg commands the pipeline runs: the 480p preview, and the 1080p and 720p
finals with the logo overlay and the closing card. Prints the wall time of each
step and the speed in seconds of video per second of processing.
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")

import django  # noqa: E402

django.setup()

from demo.media_library import dibujar_logo  # noqa: E402
from media_library import pipeline as video  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--segundos", type=int, default=60)
    segundos = parser.parse_args().segundos
    with tempfile.TemporaryDirectory() as carpeta:
        carpeta = Path(carpeta)
        clip = carpeta / "clip.mp4"
        subprocess.run(
            [
                "ffmpeg", "-y", "-v", "error",
                "-f", "lavfi",
                "-i", f"testsrc2=size=1920x1080:rate=30:duration={segundos}",
                "-f", "lavfi", "-i", f"sine=frequency=440:duration={segundos}",
                "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p",
                "-c:a", "aac", "-shortest", str(clip),
            ],
            check=True,
        )  # fmt: skip
        logo = carpeta / "logo.png"
        logo.write_bytes(dibujar_logo("CETEC"))
        datos = video.analizar(clip)
        print(f"Clip: {datos['ancho']}×{datos['alto']}, {datos['duracion']} s")
        print(f"CPU: {os.cpu_count()} núcleos")

        inicio = time.perf_counter()
        video._ffmpeg(
            [
                "-i", str(clip), "-vf", "scale=854:480,setsar=1,format=yuv420p",
                "-c:v", "libx264", "-preset", "veryfast", "-crf", "30",
                "-c:a", "aac", "-b:a", "96k", "-movflags", "+faststart",
                str(carpeta / "previa.mp4"),
            ]
        )  # fmt: skip
        previa = time.perf_counter() - inicio
        print(
            f"Vista previa 480p: {previa:.1f} s "
            f"({datos['duracion'] / previa:.2f} s de video por segundo)"
        )

        total = 0.0
        for calidad, alto in video.FINALES:
            _, argumentos = video.argumentos_finales(
                str(clip), logo, datos, alto, True, carpeta / f"{calidad}.mp4"
            )
            inicio = time.perf_counter()
            video._ffmpeg(argumentos)
            tramo = time.perf_counter() - inicio
            total += tramo
            print(
                f"Final {calidad} con logotipo y cierre: {tramo:.1f} s "
                f"({datos['duracion'] / tramo:.2f} s de video por segundo)"
            )
        print(
            f"Finales (1080p + 720p): {total:.1f} s → "
            f"{datos['duracion'] / total:.2f} s de video por segundo"
        )
        print(
            f"Todo el proceso (vista previa + finales): "
            f"{datos['duracion'] / (total + previa):.2f} s de video por segundo"
        )


if __name__ == "__main__":
    main()
