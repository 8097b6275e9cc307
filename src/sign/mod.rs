//! Request signers (AWS SigV4, OBS native, Huawei API Gateway) and the IBM IAM token request.
