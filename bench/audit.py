"""`make audit` (also part of `make bench`): known vulnerabilities in the pinned dependencies, with pip-audit.

pip-audit runs from a tool venv of its own (build/tools/pip-audit, on the machine's default python3), because its
dependencies conflict with Rasa 3.6's pins; it audits requirements/lock.txt as pinned, without installing it.
Every package it could not audit is listed with pip-audit's reason (e.g. the vulnerability service cannot be
reached from this machine): "no known issues" is only claimed for packages that were really checked.
Results: bench/results/audit.json and a summary on stdout.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from bot import config

RESULTS = config.ROOT / "bench" / "results"
TOOL = config.ROOT / "build" / "tools" / "pip-audit"
LOCK = config.ROOT / "requirements" / "lock.txt"


def ensure_tool() -> Path:
    exe = TOOL / "bin" / "pip-audit"
    if not exe.exists():
        python = shutil.which("python3") or sys.executable
        subprocess.run([python, "-m", "venv", str(TOOL)], check=True)
        subprocess.run([str(TOOL / "bin" / "pip"), "install", "--quiet", "pip-audit"], check=True)
    return exe


def audit(service: str = "pypi") -> dict:
    exe = ensure_tool()
    proc = subprocess.run(
        [
            str(exe),
            "-r",
            str(LOCK),
            "--no-deps",
            "--disable-pip",
            "-f",
            "json",
            "--progress-spinner",
            "off",
            "--vulnerability-service",
            service,
        ],
        capture_output=True,
        text=True,
        timeout=1800,
    )
    try:
        data = json.loads(proc.stdout)
    except ValueError:
        return {"service": service, "error": (proc.stderr or proc.stdout).strip()[-2000:]}
    deps = data.get("dependencies", [])
    vulnerable = [
        {
            "package": d["name"],
            "version": d.get("version"),
            "id": v["id"],
            "fix_versions": v.get("fix_versions", []),
            "aliases": v.get("aliases", []),
        }
        for d in deps
        for v in d.get("vulns", [])
    ]
    skipped = [{"package": d["name"], "reason": d["skip_reason"]} for d in deps if d.get("skip_reason")]
    return {
        "service": service,
        "packages": len(deps),
        "audited": len(deps) - len(skipped),
        "not_audited": len(skipped),
        "vulnerabilities": vulnerable,
        "not_audited_examples": skipped[:10],
    }


def main() -> int:
    results = [audit("pypi"), audit("osv")]
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "audit.json").write_text(json.dumps(results, indent=2))
    print("\nDependency audit (pip-audit over requirements/lock.txt)")
    for r in results:
        if "error" in r:
            print(f"  {r['service']:<5} could not run: {r['error'].splitlines()[-1] if r['error'] else '?'}")
            continue
        print(
            f"  {r['service']:<5} {r['packages']} packages, {r['audited']} audited, {r['not_audited']} not audited,"
            f" {len(r['vulnerabilities'])} known vulnerabilities"
        )
        for v in r["vulnerabilities"]:
            print(f"        {v['package']} {v['version']}: {v['id']} (fixed in {', '.join(v['fix_versions']) or '-'})")
        if r["not_audited_examples"]:
            print(f"        not audited, e.g. {r['not_audited_examples'][0]['reason']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
