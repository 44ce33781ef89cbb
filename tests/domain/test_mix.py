"""apportion(): the total slider scales the operation mix in whole transactions."""

from hypothesis import given
from hypothesis import strategies as st

from naccs_tui.domain.mix import apportion


def test_largest_remainder_by_hand():
    # 300:280:150 scaled to 100 -> 41.09, 38.36, 20.55: floors 41+38+20 = 99, the one left goes to
    # the largest remainder (EDA, 0.55)
    assert apportion({"IDA": 300, "IDC": 280, "EDA": 150}, 100) == {"IDA": 41, "IDC": 38, "EDA": 21}


def test_ties_go_to_the_earlier_key_and_the_cap_holds():
    assert apportion({"a": 1, "b": 1}, 3) == {"a": 2, "b": 1}
    assert apportion({"a": 1, "b": 1}, 3, cap=1) == {"a": 1, "b": 1}


def test_empty_or_zero_weights_give_nothing():
    assert apportion({}, 10) == {} and apportion({"a": 0}, 10) == {}


@given(
    st.dictionaries(st.sampled_from(["IDA", "IDC", "EDA", "EDC"]), st.integers(1, 10_000), min_size=1),
    st.integers(0, 1_000_000),
)
def test_adds_up_to_the_total(weights, total):
    out = apportion(weights, total, cap=10**9)
    assert sum(out.values()) == total and set(out) == set(weights)
