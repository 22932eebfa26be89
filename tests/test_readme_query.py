"""The README's question, "which agencies lead bonded-repair measures", answered from the built graph.

The expected answer was checked by hand against the documents' text (see the README).
"""

from __future__ import annotations

import re

from pyoxigraph import RdfFormat, Store

from bzkg.paths import ROOT, TTL_DIR, ontology_files

QUERY = ROOT / "docs" / "lead-agencies-bonded-repair.rq"


def test_readme_query_is_the_shipped_file():
    block = re.search(r"```sparql\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S)
    assert block and block.group(1).strip() == QUERY.read_text(encoding="utf-8").strip()


def test_lead_agencies_of_bonded_repair():
    store = Store()
    for path in [*ontology_files(), *sorted(TTL_DIR.glob("*.ttl"))]:
        store.load(path=path, format=RdfFormat.TURTLE)
    rows = {
        row["name"].value: int(row["measures"].value)
        for row in store.query(QUERY.read_text(encoding="utf-8"), use_default_graph_as_union=True)
    }
    assert rows == {
        "湖北省商务厅": 2,  # 八、发展保税维修再制造业务; 十、…高端维修维护检测
        "湖南省商务厅": 2,  # 8. 打造五大中心 (检测维修); 16.(3) 保税维修 rewards
        "吉林省市场监督管理厅": 1,  # 3. 退货保税维修业务
        "浙江省各综合保税区": 1,  # 全球检测维修服务中心
        "湖南省相关市人民政府": 1,  # 3. 重点发展…保税维修
        "长沙海关": 1,  # 5. 保税检测、保税维修和保税再制造
    }
