"""The one list separator of the domain's sentences (renkei/domain/i18n.py)."""

from renkei.domain.i18n import LIST_SEPARATOR, join_list


def test_join_list_lists_the_languages_way():
    """", " in English, 、 where the catalogue says so (the context History)."""
    japanese = {("History", LIST_SEPARATOR): "、"}
    assert join_list(["Budget", "", "Need"]) == "Budget, Need"
    listed = join_list(["予算", "ニーズ"], lambda c, t, n=-1: japanese.get((c, t), t))
    assert listed == "予算、ニーズ"
