// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @notice An elastic-supply ERC20 in the manner of Ampleforth: balances are internal shares ("gons") divided by
/// `gonsPerToken`, which `rebase` changes, so every holder's balance grows or shrinks together, while a transfer
/// moves exactly the amount asked. With `setRebaseOnTransfer`, every transfer also rebases up: after moving the
/// amount (the recipient holds more than it was sent once the transfer returns), or before it (the sender's
/// remaining balance grows while it spends).
contract RebasingToken {
    uint256 internal constant INITIAL_GONS_PER_TOKEN = 1e12;
    uint256 internal constant BPS = 10_000;

    string public constant name = "Rebasing";
    string public constant symbol = "REB";
    uint8 public constant decimals = 18;

    uint256 public gonsPerToken = INITIAL_GONS_PER_TOKEN;
    uint256 public rebaseOnTransferBps;
    bool public rebaseBeforeMove;
    uint256 internal totalGons;
    mapping(address owner => uint256) internal gons;
    mapping(address owner => mapping(address spender => uint256)) public allowance;

    event Transfer(address indexed from, address indexed to, uint256 amount);
    event Approval(address indexed owner, address indexed spender, uint256 amount);

    function mint(address to, uint256 amount) external {
        gons[to] += amount * gonsPerToken;
        totalGons += amount * gonsPerToken;
        emit Transfer(address(0), to, amount);
    }

    /// @notice Scales every balance by `(BPS + bps) / BPS`: positive grows them, negative shrinks them.
    function rebase(int256 bps) public {
        gonsPerToken = gonsPerToken * BPS / uint256(int256(BPS) + bps);
    }

    function setRebaseOnTransfer(uint256 bps, bool beforeMove) external {
        (rebaseOnTransferBps, rebaseBeforeMove) = (bps, beforeMove);
    }

    function totalSupply() external view returns (uint256) {
        return totalGons / gonsPerToken;
    }

    function balanceOf(address owner) public view returns (uint256) {
        return gons[owner] / gonsPerToken;
    }

    function approve(address spender, uint256 amount) external returns (bool) {
        allowance[msg.sender][spender] = amount;
        emit Approval(msg.sender, spender, amount);
        return true;
    }

    function transfer(address to, uint256 amount) external returns (bool) {
        _transfer(msg.sender, to, amount);
        return true;
    }

    function transferFrom(address from, address to, uint256 amount) external returns (bool) {
        uint256 allowed = allowance[from][msg.sender];
        if (allowed != type(uint256).max) allowance[from][msg.sender] = allowed - amount;
        _transfer(from, to, amount);
        return true;
    }

    function _transfer(address from, address to, uint256 amount) internal {
        if (rebaseBeforeMove) rebase(int256(rebaseOnTransferBps));
        uint256 moved = amount * gonsPerToken;
        gons[from] -= moved;
        gons[to] += moved;
        emit Transfer(from, to, amount);
        if (!rebaseBeforeMove) rebase(int256(rebaseOnTransferBps));
    }
}
