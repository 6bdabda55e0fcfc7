"""The shipped VCL, run by varnishtest against a stand-in backend."""

import re
import subprocess
from pathlib import Path

VCL = Path(__file__).resolve().parents[2] / "deploy" / "varnish" / "default.vcl"


def _vtc(servidor, cliente):
    """A varnishtest script: the shipped VCL in front of server ``s1``."""
    vcl = VCL.read_text().replace("vcl 4.1;", "", 1)
    vcl = re.sub(r'\.host = "[^"]*";', '.host = "${s1_addr}";', vcl)
    vcl = re.sub(r'\.port = "[^"]*";', '.port = "${s1_port}";', vcl)
    return (
        'varnishtest "VCL"\n'
        f"server s1 {{\n{servidor}\n}} -start\n"
        f"varnish v1 -vcl {{\n{vcl}\n}} -start\n"
        f"client c1 {{\n{cliente}\n}} -run\n"
    )


def _varnishtest(tmp_path, guion):
    archivo = tmp_path / "prueba.vtc"
    archivo.write_text(guion)
    resultado = subprocess.run(
        ["varnishtest", "-q", str(archivo)], capture_output=True, text=True, timeout=60
    )
    return resultado.returncode, resultado.stdout + resultado.stderr


def test_the_vcl_drops_a_client_sent_x_forwarded_proto(db, tmp_path):
    guion = _vtc(
        "rxreq\nexpect req.http.X-Forwarded-Proto == <undef>\ntxresp",
        'txreq -url "/admin/login/" -hdr "X-Forwarded-Proto: https"\n'
        "rxresp\nexpect resp.status == 200",
    )
    codigo, salida = _varnishtest(tmp_path, guion)
    assert codigo == 0, salida
